// Tasks, then targets. Targets only aggregate dependencies: a stage task skipped by its criteria (up to date) must not be
// the target itself, or Cake stops with "could not reach target".

Task("Build")
    .Description("Restore and build the solution (the libtorch shim is built by CMake from ScRepro.Torch.csproj)")
    .WithCriteria<PipelineContext>((ctx, p) => target == "Test" || target == "Bench" || !BuildIsFresh(ctx, p), "up to date: outputs newer than every source")
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
        // One closing line over every test project, read from the trx files.
        int passed = 0, failedCount = 0, skipped = 0;
        foreach (var trx in GetFiles(results.FullPath + "/**/*.trx"))
        {
            var counters = System.Xml.Linq.XDocument.Load(trx.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
            passed += int.Parse(counters.Attribute("passed").Value);
            failedCount += int.Parse(counters.Attribute("failed").Value);
            skipped += int.Parse(counters.Attribute("notExecuted").Value);
        }
        System.Console.WriteLine($"Test: {passed} passed, {failedCount} failed, {skipped} skipped");
        if (failed || failedCount > 0) throw new CakeException(1, "tests failed");
        if (passed == 0) throw new CakeException(1, "no test ran");
    });

Task("Bench")
    .Description("Benchmarks against the reference tools (anndata, sklearn, scipy, PyTorch) in the same run")
    .IsDependentOn("Build")
    .Does<PipelineContext>(p =>
    {
        var code = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = new ProcessArgumentBuilder().Append($"bench/ScRepro.Bench/bin/{p.Configuration}/net10.0/ScRepro.Bench.dll")
                .Append("--work").Append("artifacts/bench"),
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
    .Description("Remove build outputs, runs/, reports/<commit>/ and artifacts/ (keeps data/ and templates)")
    .Does<PipelineContext>(p =>
    {
        CleanDirectories("./src/**/bin");
        CleanDirectories("./src/**/obj");
        CleanDirectories("./tests/**/bin");
        CleanDirectories("./tests/**/obj");
        foreach (var dir in new[] { "runs", "artifacts", "native-build" })
            if (DirectoryExists(dir)) DeleteDirectory(dir, new DeleteDirectorySettings { Recursive = true, Force = true });
        foreach (var dir in GetDirectories("./reports/*").Where(d => d.GetDirectoryName() != "templates"))
            DeleteDirectory(dir, new DeleteDirectorySettings { Recursive = true, Force = true });
    });



// Targets: each stage can be the end of a run; Card (the default) runs the whole DAG.
Task("Download").Description("Target: up to the Download stage").IsDependentOn("Stage-Download");
Task("Hash").Description("Target: up to the Hash stage").IsDependentOn("Stage-Hash");
Task("Splits").Description("Target: up to the Splits stage").IsDependentOn("Stage-Splits");
Task("Train").Description("Target: up to the Train stage").IsDependentOn("Stage-Train");
Task("Evaluate").Description("Target: up to the Evaluate stage").IsDependentOn("Stage-Evaluate");
Task("Card").Description("Target (default): the whole DAG, Download → Hash → Splits → Train → Evaluate → Card").IsDependentOn("Stage-Card");
Task("Default").Description("Same as Card").IsDependentOn("Card");
