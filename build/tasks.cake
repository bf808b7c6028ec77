// The tasks the targets in build.cake aggregate. A stage task skipped by its criteria (up to date) must not be a
// target itself, or Cake stops with "could not reach target".

Task("Build")
    .Description("Restore and build the solution (the libtorch shim is built by CMake from ScRepro.Torch.csproj)")
    .WithCriteria<PipelineContext>((ctx, p) => p.Target == "Test" || p.Target == "Bench" || !BuildIsFresh(ctx, p), "up to date: outputs newer than every source")
    .Does<PipelineContext>(p =>
    {
        DotNetBuild(p.Root.CombineWithFilePath("ScRepro.sln").FullPath, new DotNetBuildSettings
        {
            Configuration = p.Configuration,
            Verbosity = DotNetVerbosity.Minimal,
            MSBuildSettings = new DotNetMSBuildSettings().SetMaxCpuCount(0),
        });
    });

Task("Preflight")
    .Description("With --release, refuse a dirty working tree before any work")
    .IsDependentOn("Build")
    .WithCriteria<PipelineContext>((ctx, p) => p.Release, "only with --release")
    .Does<PipelineContext>(p => Screpro(Context, p, "preflight"));

Task("Stage-Download")
    .Description("Fetch (or generate) every dataset source of the experiment, verified by sha256")
    .IsDependentOn("Preflight")
    .WithCriteria<PipelineContext>((ctx, p) => !UpToDate(ctx, p, "download"), "up to date: every source present with its pinned hash")
    .Does<PipelineContext>(p => Screpro(Context, p, "download"));

Task("Stage-Hash")
    .Description("Write the dataset lock files (path, size, sha256 per file; canonical manifest hash)")
    .IsDependentOn("Stage-Download")
    .WithCriteria<PipelineContext>((ctx, p) => !UpToDate(ctx, p, "hash"), "up to date: lock matches files (cached by path, size, mtime)")
    .Does<PipelineContext>(p => Screpro(Context, p, "hash"));

Task("Stage-Splits")
    .Description("Make the experiment's split files with their membership hashes")
    .IsDependentOn("Stage-Hash")
    .WithCriteria<PipelineContext>((ctx, p) => !UpToDate(ctx, p, "split"), "up to date: split stamps match the data lock and parameters")
    .Does<PipelineContext>(p => Screpro(Context, p, "split"));

Task("Stage-Train")
    .Description("Train every model x split x seed whose stamp is out of date")
    .IsDependentOn("Stage-Splits")
    .WithCriteria<PipelineContext>((ctx, p) => !UpToDate(ctx, p, "train"), "up to date: every model's stamp matches")
    .Does<PipelineContext>(p => Screpro(Context, p, "train"));

Task("Stage-Evaluate")
    .Description("Evaluate every trained model on its test split (cell-eval metrics)")
    .IsDependentOn("Stage-Train")
    .WithCriteria<PipelineContext>((ctx, p) => !UpToDate(ctx, p, "evaluate"), "up to date: every evaluation's stamp matches")
    .Does<PipelineContext>(p => Screpro(Context, p, "evaluate"));

Task("Stage-Card")
    .Description("Render MODEL_CARD.md per model x dataset x split, and the experiment's comparison page")
    .IsDependentOn("Stage-Evaluate")
    .WithCriteria<PipelineContext>((ctx, p) => !UpToDate(ctx, p, "card"), "up to date: every card's stamp matches")
    .Does<PipelineContext>(p => Screpro(Context, p, "card"));

Task("Test")
    .Description("Build and run every test; prints 'Test: N passed, N failed, N skipped'")
    .IsDependentOn("Build")
    .Does<PipelineContext>(p =>
    {
        var results = p.Root.Combine("artifacts/test-results");
        CleanDirectory(results);
        var failed = false;
        try
        {
            DotNetTest(p.Root.CombineWithFilePath("ScRepro.sln").FullPath, new DotNetTestSettings
            {
                Configuration = p.Configuration,
                NoBuild = true,
                Loggers = new[] { "trx", "console;verbosity=normal" },
                ResultsDirectory = results,
            });
        }
        catch (Exception) { failed = true; }
        // One closing line over every test project, from the trx files (ScRepro.Core.Reports.TrxSummary, tested C#).
        var summary = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder().Append(p.CliDll.FullPath).Append("test-summary").AppendQuoted(results.FullPath),
            WorkingDirectory = p.Root,
        });
        if (failed || summary != 0) throw new CakeException(1, "tests failed (or none ran)");
    });

Task("Audit")
    .Description("Audit a published checkpoint (--hub=<owner>/<name> [--revision=<rev>] or --dir=<folder>): REPRODUCED, DRIFTED or BROKEN, and why")
    .IsDependentOn("Build")
    .Does<PipelineContext>(p =>
    {
        // A plain task without stage stamps (research note §2.5): BROKEN (exit 4) fails the run like a failing stage.
        var code = StartProcess("dotnet", new ProcessSettings { Arguments = AuditArguments(Context, p), WorkingDirectory = p.Root });
        if (code != 0) throw new CakeException(code, $"screpro audit exited {code} (4 BROKEN, 3 DRIFTED with --fail-on=drifted, 2 bad input)");
    });

Task("Bench")
    .Description("Benchmarks against the reference tools (anndata, sklearn, scipy, PyTorch) in the same run")
    .IsDependentOn("Build")
    .Does<PipelineContext>(p =>
    {
        // --only=anndata,torch runs a subset (the names ScRepro.Bench prints as "== <name>").
        var only = Argument("only", "");
        var arguments = new ProcessArgumentBuilder().Append(p.BenchDll.FullPath)
            .Append("--work").Append("artifacts/bench");
        if (only.Length > 0) arguments.Append("--only").Append(only);
        var code = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = arguments,
            WorkingDirectory = p.Root,
        });
        if (code != 0) throw new CakeException(code, "benchmarks failed");
    });

Task("Nightly")
    .Description("Re-run manifests/nightly.yaml's experiments (--force) and judge every number against reports/golden/ (--fail-on=drift to fail on DRIFTED)")
    .IsDependentOn("Build")
    .Does<PipelineContext>(p => ScreproNightly(Context, p, "nightly"));

Task("Bless")
    .Description("Rewrite reports/golden/ from the last nightly (clean tree only; --experiment, --model to narrow) and print what changed")
    .IsDependentOn("Build")
    .Does<PipelineContext>(p => ScreproNightly(Context, p, "bless"));

Task("Clean")
    .Description("Remove what the build and the runs make: bin/ and obj/ (the native shim's CMake tree is in obj/), runs/, artifacts/, reports/<commit>/ and nightly report folders; keeps data/, templates, golden files and the nightly history")
    .Does<PipelineContext>(p =>
    {
        foreach (var tree in new[] { "src", "tests", "bench" })
        {
            CleanDirectories($"./{tree}/**/bin");
            CleanDirectories($"./{tree}/**/obj");
        }
        foreach (var dir in new[] { "runs", "artifacts", "native-build" })
            if (DirectoryExists(dir)) DeleteDirectory(dir, new DeleteDirectorySettings { Recursive = true, Force = true });
        // reports/ holds tracked files too: the templates, the golden numbers and the nightly history.
        var kept = new[] { "templates", "golden", "nightly" };
        foreach (var dir in GetDirectories("./reports/*").Where(d => !kept.Contains(d.GetDirectoryName())))
            DeleteDirectory(dir, new DeleteDirectorySettings { Recursive = true, Force = true });
        foreach (var dir in GetDirectories("./reports/nightly/*"))
            DeleteDirectory(dir, new DeleteDirectorySettings { Recursive = true, Force = true });
    });
