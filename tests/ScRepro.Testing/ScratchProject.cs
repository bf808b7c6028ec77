using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ScRepro.Testing;

/// <summary>
/// A ScRepro project in a temporary git repository, for tests that run stages end to end: the real model manifests,
/// report templates, paper registry and lock, tolerances and .gitignore are copied in at construction and `git init`
/// has run; the test then adds a dataset and experiment (the small demo ones below, or its own), edits what it needs
/// and calls <see cref="Commit"/>. Git failures throw, so the builder also works inside a collection fixture.
/// </summary>
public sealed class ScratchProject : IDisposable
{
    private static readonly string[] CopiedFolders = ["manifests/models", "reports/templates"];

    // Models cite papers (cards cite from the lock); Audit and Nightly judge numbers with the tolerances.
    private static readonly string[] CopiedFiles = ["manifests/papers.yaml", "manifests/papers.lock.json", "manifests/tolerances.yaml", ".gitignore"];

    private readonly TempDir _dir = TestPaths.NewTempDir();

    public ScratchProject()
    {
        foreach (var sub in CopiedFolders)
        {
            Directory.CreateDirectory(PathOf(sub));
            foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, sub))) File.Copy(f, PathOf(sub, Path.GetFileName(f)));
        }
        foreach (var file in CopiedFiles) File.Copy(Path.Combine(TestPaths.RepoRoot, file), PathOf(file));
        Git("init", "-q", "-b", "main");
    }

    public string Root => _dir.Path;

    /// <summary>A path inside the project (forward-slash relative parts are fine).</summary>
    public string PathOf(params string[] relative) => Path.Combine([Root, .. relative]);

    public void Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
    }

    /// <summary>Rewrites a copied file; an edit that changes nothing throws (the real manifest moved under the test).</summary>
    public void Edit(string relative, Func<string, string> change)
    {
        var before = File.ReadAllText(PathOf(relative));
        var after = change(before);
        if (after == before) throw new InvalidOperationException($"{relative}: the edit changed nothing; has the file moved on?");
        File.WriteAllText(PathOf(relative), after);
    }

    /// <summary>More lines for the copied .gitignore (e.g. an output folder the test writes and must not dirty the tree).</summary>
    public void Ignore(params string[] patterns) => File.AppendAllLines(PathOf(".gitignore"), patterns);

    /// <summary>
    /// The demo generator (seed 5) at a size that runs in seconds: <paramref name="perturbationGenes"/> genes, 10 targets,
    /// 10 pairs, 120 control cells, 12 cells per perturbation; a 400 × 60 annotation set. Other gene counts change the data
    /// (and so its lock).
    /// </summary>
    public void WriteDemoDataset(int perturbationGenes = 80) => Write("manifests/datasets/demo.yaml", $"""
        id: demo
        title: "Small demo"
        citation: "simulated"
        license: CC0-1.0
        generator:
          name: screpro-demo
          seed: 5
          parameters:
            perturbation.n_genes: {perturbationGenes}
            perturbation.n_targets: 10
            perturbation.n_pairs: 10
            perturbation.n_control_cells: 120
            perturbation.cells_per_perturbation: 12
            annotation.n_cells: 400
            annotation.n_genes: 60
          outputs: [perturbation.h5ad, annotation.h5ad]
        """);

    /// <summary>The real demo experiment, with <paramref name="models"/> (when given) as its model list.</summary>
    public void WriteDemoExperiment(IReadOnlyList<string>? models = null) => WriteExperiment("demo", models);

    /// <summary>The repository's experiment <paramref name="id"/>, with <paramref name="models"/> (when given) as its model list.</summary>
    public void WriteExperiment(string id, IReadOnlyList<string>? models = null)
    {
        var relative = $"manifests/experiments/{id}.yaml";
        var experiment = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, relative));
        if (models is not null)
        {
            var replaced = Regex.Replace(experiment, @"(?m)^models: \[.*\]$", $"models: [{string.Join(", ", models)}]");
            if (replaced == experiment) throw new InvalidOperationException($"{relative}: no one-line `models: [...]` to replace");
            experiment = replaced;
        }
        Write(relative, experiment);
    }

    /// <summary>Stages everything and commits (an empty commit when nothing changed, so HEAD always moves).</summary>
    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
    }

    public void Git(params string[] args) => RunGit(args);

    /// <summary>A git command's trimmed standard output (e.g. `rev-parse HEAD`).</summary>
    public string GitOut(params string[] args) => RunGit(args);

    private string RunGit(string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false" }.Concat(args)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {stderr.Result}");
        return stdout.Trim();
    }

    public void Dispose() => _dir.Dispose();
}
