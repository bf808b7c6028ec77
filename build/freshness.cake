// Whether the build outputs are newer than every source: lets a no-change pipeline run skip `dotnet build`
// (an incremental MSBuild pass over the solution alone takes longer than the whole skipped DAG).
public static bool BuildIsFresh(ICakeContext ctx, PipelineContext p)
{
    var output = p.CliDll.FullPath;
    if (!System.IO.File.Exists(output)) return false;
    var built = System.IO.File.GetLastWriteTimeUtc(output);
    var root = p.Root.FullPath;
    var patterns = new[] { "*.cs", "*.csproj", "*.props", "*.cpp", "*.h", "CMakeLists.txt", "*.json" };
    foreach (var dir in new[] { "src", "bench", "tests" })
    {
        var full = System.IO.Path.Combine(root, dir);
        if (!System.IO.Directory.Exists(full)) continue;
        foreach (var pattern in patterns)
            foreach (var file in System.IO.Directory.EnumerateFiles(full, pattern, System.IO.SearchOption.AllDirectories))
            {
                if (file.Contains("/bin/") || file.Contains("/obj/")) continue;
                if (System.IO.File.GetLastWriteTimeUtc(file) > built) return false;
            }
    }
    foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "ScRepro.sln" })
        if (System.IO.File.GetLastWriteTimeUtc(System.IO.Path.Combine(root, file)) > built) return false;
    return true;
}
