using System.Globalization;
using ScRepro.Core.Hashing;

namespace ScRepro.Pipeline.Stages;

/// <summary>
/// Hash: pins every dataset file in data/locks/&lt;id&gt;/lock.json (path, size, sha256; manifest hash; lock hash).
/// Its stamp includes each file's size and mtime, so touching a file re-runs it; re-hashing then compares with the
/// manifest's hash or the earlier lock, and a changed file stops the run naming both hashes. Hashes are cached in
/// data/.hash-cache.json by (path, size, mtime).
/// </summary>
public sealed class HashStage : IStage
{
    public string Name => "hash";

    public static string LockDir(RunContext ctx) => Path.Combine(ctx.Root, "data", "locks", ctx.Dataset.Id);

    public static string LockPath(RunContext ctx) => Path.Combine(LockDir(ctx), "lock.json");

    /// <summary>The files the dataset must contain, with what the manifest pins.</summary>
    public static IReadOnlyList<ExpectedFile> ExpectedFiles(RunContext ctx)
    {
        var ds = ctx.Dataset;
        if (ds.Generator is { } g) return g.Outputs.Select(o => new ExpectedFile(o)).ToList();
        var files = new List<ExpectedFile>();
        foreach (var s in ds.Sources)
        {
            files.Add(new ExpectedFile(s.Path, s.Sha256, s.Size));
            files.AddRange(s.Provides.Select(p => new ExpectedFile(p)));
        }
        files.AddRange(ds.Combine.Select(c => new ExpectedFile(c.Output)));
        return files;
    }

    public IReadOnlyList<WorkUnit> Plan(RunContext ctx)
    {
        var inputs = new Dictionary<string, string> { ["dataset_manifest"] = ctx.Dataset.Origin.Sha256 };
        foreach (var f in ExpectedFiles(ctx))
        {
            var full = ctx.DataFile(f.Path);
            var info = new FileInfo(full);
            if (!info.Exists) throw new UpstreamMissingException($"data file {f.Path} is missing");
            inputs["file:" + f.Path] = $"{info.Length}:{info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)}";
        }
        return [new WorkUnit(Name, ctx.Dataset.Id, LockDir(ctx), inputs, ["lock.json"], tmp => Pin(ctx, tmp), CodeSensitive: false)];
    }

    private static void Pin(RunContext ctx, string tmp)
    {
        var previousPath = LockPath(ctx);
        var previous = File.Exists(previousPath) ? LockFile.Read(previousPath) : null;
        var cache = HashCache.Load(Path.Combine(ctx.Root, "data", ".hash-cache.json"));
        var lockFile = LockFile.Pin(ctx.Dataset.Id, ctx.Dataset.Origin.Sha256, ctx.DataDir, ExpectedFiles(ctx), previous, cache);
        cache.Save();
        lockFile.Write(Path.Combine(tmp, "lock.json"));
    }

    /// <summary>The current lock; downstream stages stamp its hash.</summary>
    public static LockFile ReadLock(RunContext ctx)
    {
        var path = LockPath(ctx);
        if (!File.Exists(path)) throw new UpstreamMissingException($"no lock for dataset {ctx.Dataset.Id} ({Path.GetRelativePath(ctx.Root, path)})");
        return LockFile.Read(path);
    }
}
