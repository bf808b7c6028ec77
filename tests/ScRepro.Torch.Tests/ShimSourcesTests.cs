using System.Text.RegularExpressions;
using ScRepro.Testing;

namespace ScRepro.Torch.Tests;

/// <summary>
/// The shim is built two ways: by CMake here (native/CMakeLists.txt) and by g++ in the GPU bundle's run.sh (no CMake
/// find_package on the GPU machine). A source file missing from either links here and fails there with an undefined
/// symbol, which only a GPU run would show (dropout.cpp did, in the bundle's dry run).
/// </summary>
public sealed class ShimSourcesTests
{
    private static readonly string Native = Path.Combine(TestPaths.RepoRoot, "src", "ScRepro.Torch", "native");

    [Fact]
    public void Should_list_every_shim_source_in_the_cmake_library()
    {
        var onDisk = Directory.GetFiles(Path.Combine(Native, "src"), "*.cpp").Select(f => "src/" + Path.GetFileName(f)).Order().ToArray();
        var cmake = File.ReadAllText(Path.Combine(Native, "CMakeLists.txt"));
        var library = Regex.Match(cmake, @"add_library\(ScReproTorch SHARED ([^)]*)\)");
        Assert.True(library.Success, "CMakeLists.txt has no add_library(ScReproTorch SHARED ...)");
        Assert.Equal(onDisk, library.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order().ToArray());
    }

    [Fact]
    public void Should_compile_every_shim_source_in_the_gpu_bundle()
    {
        var runSh = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "gpu", "bundle", "run.sh"));
        // The bundle compiles whatever native/src holds, so it cannot fall behind CMakeLists.txt.
        Assert.Contains("for src in \"$HERE\"/native/src/*.cpp; do", runSh);
        Assert.Contains("\"${objs[@]}\"", runSh);
    }
}
