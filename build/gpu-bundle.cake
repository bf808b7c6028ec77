// GpuBundle: everything a GPU machine (its own Python + CUDA PyTorch, a compiler, no .NET, no network) needs for the
// device checks, in artifacts/gpu-bundle/: a self-contained, trimmed screpro, the shim's sources (run.sh compiles
// them against that machine's libtorch), the PyTorch side of each check, and run.sh. gpu/bundle/README.md says more.
const long GpuBundleLimitBytes = 60L << 20;

Task("GpuBundle")
    .Description("Write artifacts/gpu-bundle/ (< 60 MiB): trimmed self-contained screpro, shim sources, run.sh and the PyTorch references")
    .Does<PipelineContext>(p =>
    {
        var bundle = p.Root.Combine("artifacts/gpu-bundle");
        if (DirectoryExists(bundle)) DeleteDirectory(bundle, new DeleteDirectorySettings { Recursive = true, Force = true });
        DotNetPublish(p.Root.CombineWithFilePath("src/ScRepro.Cli/ScRepro.Cli.csproj").FullPath, new DotNetPublishSettings
        {
            Configuration = p.Configuration,
            Runtime = "linux-x64",
            SelfContained = true,
            OutputDirectory = bundle.Combine("screpro"),
            // partial: only the framework is trimmed; our assemblies and the reflection-heavy libraries stay whole.
            MSBuildSettings = new DotNetMSBuildSettings()
                .WithProperty("PublishTrimmed", "true").WithProperty("TrimMode", "partial")
                .WithProperty("SuppressTrimAnalysisWarnings", "true").WithProperty("InvariantGlobalization", "true")
                // Json writes records by reflection; trimming would otherwise switch that off.
                .WithProperty("JsonSerializerIsReflectionEnabledByDefault", "true"),
        });
        // Built here against Debian's libtorch 1.13: run.sh compiles the one that matches the GPU machine's PyTorch.
        DeleteFiles(bundle.Combine("screpro").FullPath + "/libScReproTorch.so");
        CopyDirectory(p.Root.Combine("src/ScRepro.Torch/native/include"), bundle.Combine("native/include"));
        CopyDirectory(p.Root.Combine("src/ScRepro.Torch/native/src"), bundle.Combine("native/src"));
        CopyFiles(p.Root.Combine("gpu/bundle").FullPath + "/*", bundle);
        // The PyTorch definition of scGPT's modules is the fixture generator's (one definition for tests and bundle).
        CopyFile(p.Root.CombineWithFilePath("tests/fixtures/models/scripts/make_scgpt_fixtures.py"), bundle.CombineWithFilePath("scgpt_reference.py"));
        StartProcess("chmod", new ProcessSettings { Arguments = $"+x {bundle.CombineWithFilePath("run.sh")} {bundle.CombineWithFilePath("screpro/screpro")}" });
        var bytes = GetFiles(bundle.FullPath + "/**/*").Sum(f => new System.IO.FileInfo(f.FullPath).Length);
        Information($"gpu bundle: {bundle} is {bytes / 1048576.0:F1} MiB (limit {GpuBundleLimitBytes >> 20} MiB)");
        if (bytes > GpuBundleLimitBytes) throw new CakeException(1, $"the GPU bundle is {bytes / 1048576.0:F1} MiB, over {GpuBundleLimitBytes >> 20} MiB");
    });
