using System.Diagnostics;
using System.Globalization;
using ScRepro.Core.Hashing;

namespace ScRepro.Bench;

/// <summary>
/// Streaming sha256 of a 256 MiB file (the Hash stage's inner loop; Norman's h5ad is 2.2 GB) against coreutils'
/// sha256sum and Python's hashlib with 1 MiB reads, all on the same warm file.
/// </summary>
public sealed class HashingBenchmark : IBenchmark
{
    private const long Size = 256L << 20;

    public string Name => "hashing";

    public void Run(BenchContext context)
    {
        var path = Path.Combine(context.WorkDir, "hashing-256MiB.bin");
        if (!File.Exists(path) || new FileInfo(path).Length != Size)
        {
            var block = new byte[1 << 20];
            new Random(1).NextBytes(block);
            using var output = File.Create(path);
            for (long written = 0; written < Size; written += block.Length) output.Write(block);
        }
        FileHasher.Sha256(path);   // warm the page cache so every tool reads from memory

        string ours = "";
        var oursSeconds = BenchContext.Time(() => ours = FileHasher.Sha256(path));

        var (sumSeconds, sumHash) = TimeSha256sum(path);
        if (sumHash is not null && sumHash != ours) throw new InvalidOperationException($"sha256sum disagrees: {sumHash} vs {ours}");
        context.Report(Name, "sha256 256 MiB file", oursSeconds, sumSeconds, "sha256sum");

        const string script = """
            import hashlib, sys, time
            runs = []
            for _ in range(3):
                t = time.perf_counter(); h = hashlib.sha256()
                with open(sys.argv[1], 'rb') as f:
                    for chunk in iter(lambda: f.read(1 << 20), b''): h.update(chunk)
                runs.append(time.perf_counter() - t)
            print(h.hexdigest(), ','.join(map(str, runs)))
            """;
        var python = BenchContext.RunPython(script, path)?.Split(' ', StringSplitOptions.TrimEntries);
        if (python is not null && python[0] != ours) throw new InvalidOperationException($"hashlib disagrees: {python[0]} vs {ours}");
        context.Report(Name, "sha256 256 MiB file", oursSeconds,
            python is null ? null : new Timing(python[1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()), "python hashlib");
    }

    private static (Timing? Seconds, string? Hash) TimeSha256sum(string path)
    {
        try
        {
            string? hash = null;
            var seconds = BenchContext.Time(() =>
            {
                using var p = Process.Start(new ProcessStartInfo("sha256sum", [path]) { RedirectStandardOutput = true })!;
                hash = p.StandardOutput.ReadToEnd().Split(' ')[0];
                p.WaitForExit();
            });
            return (seconds, hash);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, null);
        }
    }
}
