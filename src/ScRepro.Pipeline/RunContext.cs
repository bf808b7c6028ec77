using ScRepro.Core.Manifests;
using ScRepro.Core.Provenance;

namespace ScRepro.Pipeline;

/// <summary>One pipeline invocation: the project root, the experiment's manifests, the code state and the flags.</summary>
public sealed class RunContext
{
    public RunContext(string root, ManifestCatalog catalog, CodeState code, bool force, string commandLine, GitInfo? git = null)
    {
        Root = Path.GetFullPath(root);
        Catalog = catalog;
        Code = code;
        Git = git ?? new GitInfo(code.Commit, code.ShortCommit, code.Branch, code.Describe, code.Dirty, code.DirtyPaths,
            code.Commit != GitInfo.UnknownCommit);
        Force = force;
        CommandLine = commandLine;
    }

    public string Root { get; }
    public ManifestCatalog Catalog { get; }
    public ExperimentManifest Experiment => Catalog.Experiment;
    public DatasetManifest Dataset => Catalog.Dataset;
    public CodeState Code { get; }

    /// <summary>The git state read once when the run opened: every provenance block of the run records it.</summary>
    public GitInfo Git { get; }
    public bool Force { get; }
    public string CommandLine { get; }

    /// <summary>data/&lt;dataset&gt;/: every manifest path is resolved under it and may not leave it.</summary>
    public string DataDir => Path.Combine(Root, "data", Dataset.Id);

    /// <summary>The dataset lock (like dvc.lock, sha256), rewritten by the Hash stage.</summary>
    public string LockPath => Path.Combine(Root, "data", "locks", Dataset.Id + ".lock.json");

    /// <summary>runs/&lt;experiment&gt;/&lt;short-commit&gt;[-dirty]/</summary>
    public string RunDir => Path.Combine(Root, "runs", Experiment.Id, Code.RunName);

    /// <summary>reports/&lt;short-commit&gt;[-dirty]/&lt;experiment&gt;/</summary>
    public string ReportDir => Path.Combine(Root, "reports", Code.RunName, Experiment.Id);

    public string TemplateDir => Path.Combine(Root, "reports", "templates");

    /// <summary>A manifest path under data/&lt;dataset&gt;/, checked as a string and on disk (no symlink out of it).</summary>
    public string DataFile(string relative)
    {
        var full = SafePath.Resolve(DataDir, relative, $"{Dataset.Origin.File}: path");
        Foundation.IO.RealPath.CheckInside(DataDir, full, $"{Dataset.Origin.File}: path '{relative}'");
        return full;
    }

    /// <summary>The same relative output folder under every other run folder of this experiment (for stamp reuse).</summary>
    public IEnumerable<string> Siblings(string outputDir, string baseDir)
    {
        var relative = Path.GetRelativePath(baseDir, outputDir);
        var parent = Path.GetDirectoryName(baseDir)!;
        if (!Directory.Exists(parent)) yield break;
        foreach (var dir in Directory.GetDirectories(parent).Order(StringComparer.Ordinal))
            yield return Path.Combine(dir, relative);
    }
}
