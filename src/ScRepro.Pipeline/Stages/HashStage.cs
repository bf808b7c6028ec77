using System.Globalization;
using ScRepro.Core.Hashing;

namespace ScRepro.Pipeline.Stages;

/// <summary>
/// Hash: pins every dataset file in data/locks/&lt;id&gt;/lock.json (path, size, sha256; manifest hash; lock hash):
/// the dataset's sources and what they provide, the experiment's <c>file:</c> when no source names it, and any file
/// an earlier lock held that is still there (so experiments on one dataset do not unlock each other's files).
/// Its stamp includes each file's identity (size, mtime, ctime, inode), so any change re-runs it; re-hashing then
/// compares with the manifest's hash or the earlier lock, and a changed file stops the run naming both hashes.
/// Hashes are cached per dataset in data/.hash-cache/&lt;id&gt;.json by that identity; <c>--force</c> ignores the cache.
/// Every later stage that reads the experiment's file verifies it against the lock first (<see cref="ReadVerifiedLock"/>).
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
        var files = new List<ExpectedFile>();
        if (ds.Generator is { } g) files.AddRange(g.Outputs.Select(o => new ExpectedFile(o)));
        foreach (var s in ds.Sources)
        {
            files.Add(new ExpectedFile(s.Path, s.Sha256, s.Size));
            files.AddRange(s.Provides.Select(p => new ExpectedFile(p)));
        }
        files.AddRange(ds.Combine.Select(c => new ExpectedFile(c.Output)));
        var listed = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var extra = new SortedSet<string>(StringComparer.Ordinal) { ctx.Experiment.File };
        if (File.Exists(LockPath(ctx)))
        {
            try
            {
                foreach (var f in LockFile.Read(LockPath(ctx)).Files)
                    if (File.Exists(Path.Combine(ctx.DataDir, f.Path))) extra.Add(f.Path);
            }
            catch (Foundation.Errors.ScReproException)
            {
                // A damaged lock is re-made from the manifest; Pin reports it when it reads the previous lock.
            }
        }
        files.AddRange(extra.Where(listed.Add).Select(p => new ExpectedFile(p)));
        return files;
    }

    public IReadOnlyList<WorkUnit> Plan(RunContext ctx)
    {
        var inputs = new Dictionary<string, string> { ["dataset_manifest"] = ctx.Dataset.Origin.Sha256 };
        foreach (var f in ExpectedFiles(ctx))
        {
            var full = ctx.DataFile(f.Path);
            if (Foundation.IO.FileIdentity.Of(full) is not { } id) throw new UpstreamMissingException($"data file {f.Path} is missing");
            inputs["file:" + f.Path] = string.Create(CultureInfo.InvariantCulture, $"{id.Size}:{id.MtimeNs}:{id.CtimeNs}:{id.Inode}");
        }
        return [new WorkUnit(Name, ctx.Dataset.Id, LockDir(ctx), inputs, ["lock.json"], tmp => Pin(ctx, tmp), CodeSensitive: false)];
    }

    private static void Pin(RunContext ctx, string tmp)
    {
        var previousPath = LockPath(ctx);
        var previous = File.Exists(previousPath) ? LockFile.Read(previousPath) : null;
        var cache = HashCache.Load(CachePath(ctx), bypass: ctx.Force);
        var lockFile = LockFile.Pin(ctx.Dataset.Id, ctx.Dataset.Origin.Sha256, ctx.DataDir, ExpectedFiles(ctx), previous, cache);
        cache.Save();
        lockFile.Write(Path.Combine(tmp, "lock.json"));
    }

    /// <summary>data/.hash-cache/&lt;id&gt;.json: one cache per dataset, never shared by relative path.</summary>
    public static string CachePath(RunContext ctx) => Path.Combine(ctx.Root, "data", ".hash-cache", ctx.Dataset.Id + ".json");

    /// <summary>
    /// The current lock, after checking that the experiment's file is in it and still has its locked hash: a stage
    /// run alone after a file changed stops here, naming both hashes, instead of using the changed file.
    /// </summary>
    public static LockFile ReadVerifiedLock(RunContext ctx)
    {
        var lockFile = ReadLock(ctx);
        var cache = HashCache.Load(CachePath(ctx));
        try
        {
            lockFile.Verify(ctx.DataDir, [ctx.Experiment.File], cache, Path.GetRelativePath(ctx.Root, LockPath(ctx)));
        }
        finally
        {
            cache.Save();
        }
        return lockFile;
    }

    /// <summary>The current lock; downstream stages stamp its hash.</summary>
    public static LockFile ReadLock(RunContext ctx)
    {
        var path = LockPath(ctx);
        if (!File.Exists(path)) throw new UpstreamMissingException($"no lock for dataset {ctx.Dataset.Id} ({Path.GetRelativePath(ctx.Root, path)})");
        return LockFile.Read(path);
    }
}
