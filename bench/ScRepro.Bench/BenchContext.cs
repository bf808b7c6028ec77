using System.Diagnostics;
using ScRepro.Foundation.IO;

namespace ScRepro.Bench;

/// <summary>Scratch folder, a timer, a python probe and the result rows of one benchmark run.</summary>
public sealed class BenchContext
{
    private readonly List<BenchResult> _results = new();

    public BenchContext(string workDir) => WorkDir = workDir;

    /// <summary>Scratch folder for generated inputs (kept between runs so generation is paid once).</summary>
    public string WorkDir { get; }

    public IReadOnlyList<BenchResult> Results => _results;

    /// <summary>Best wall-clock seconds over <paramref name="repeats"/> runs of <paramref name="action"/>.</summary>
    public static double Time(Action action, int repeats = 3)
    {
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }

    /// <summary>
    /// Debian's python3, which is where python3-anndata, -sklearn, -scipy and -torch install; a pyenv or venv python3
    /// first on PATH usually lacks them. SCREPRO_BENCH_PYTHON overrides.
    /// </summary>
    public static string Python { get; } = Environment.GetEnvironmentVariable("SCREPRO_BENCH_PYTHON")
        ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

    /// <summary>
    /// glibc's allocator settings that ScRepro.Torch's shim applies to itself (native/src/torch.cpp), so a PyTorch
    /// reference runs libtorch under the same malloc behaviour as ours.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ShimAllocator = new Dictionary<string, string>
    {
        ["MALLOC_TRIM_THRESHOLD_"] = "1073741824",
        ["MALLOC_TOP_PAD_"] = "1073741824",
    };

    /// <summary>Runs a python3 script (reference implementation) under <see cref="ShimAllocator"/>; returns stdout, or null when python or a module is missing.</summary>
    public static string? RunPython(string script, params string[] args) => RunPython(["-c", script, .. args], ShimAllocator);

    /// <summary>python3 with these arguments and extra environment variables; stdout, or null (the reason on stderr) when it fails.</summary>
    public static string? RunPython(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            if (p.ExitCode != 0)
            {
                Console.Error.WriteLine($"  python reference unavailable: {stderr.Result.Trim().Split('\n').LastOrDefault()}");
                return null;
            }
            return stdout.Result;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Records ScRepro's time and the reference's (null when not run); ratio = reference / ours.</summary>
    public void Report(string benchmark, string case_, double oursSeconds, double? referenceSeconds, string reference)
    {
        var row = new BenchResult(benchmark, case_, oursSeconds, referenceSeconds, reference,
            referenceSeconds is { } r ? r / oursSeconds : null);
        _results.Add(row);
        Console.WriteLine(row.ToString());
    }

    public void Save(string path) => Json.WriteFile(path, _results);
}

/// <summary>One timing: speedup = reference_s / screpro_s (above 1 means ScRepro is faster).</summary>
public sealed record BenchResult(string Benchmark, string Case, double ScreproS, double? ReferenceS, string Reference, double? Speedup)
{
    public override string ToString() =>
        $"{Benchmark,-14} {Case,-40} screpro {ScreproS,9:F3}s  {Reference,-18} {(ReferenceS is { } r ? $"{r,9:F3}s" : "      n/a")}  speedup {(Speedup is { } s ? $"{s:F2}x" : "n/a")}";
}
