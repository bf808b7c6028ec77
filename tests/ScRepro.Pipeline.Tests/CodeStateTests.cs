using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

public sealed class CodeStateTests
{
    [Fact]
    public void Should_change_the_state_hash_when_a_dirty_source_file_changes()
    {
        using var dir = TestPaths.NewTempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "src"));
        var file = Path.Combine(dir.Path, "src", "A.cs");
        File.WriteAllText(file, "class A {}");
        var a = CodeState.Create(dir.Path, "c0ffee1234", "c0ffee1", null, null, true, ["src/A.cs"]);
        File.WriteAllText(file, "class A { int x; }");
        var b = CodeState.Create(dir.Path, "c0ffee1234", "c0ffee1", null, null, true, ["src/A.cs"]);
        Assert.NotEqual(a.StateHash, b.StateHash);
        Assert.Equal("c0ffee1-dirty", b.RunName);
    }

    [Theory]
    [InlineData("manifests/models/m.yaml", false)]
    [InlineData("README.md", false)]
    [InlineData("runs/demo/x/y.json", false)]
    [InlineData("reports/templates/model_card.md.scriban", true)]
    [InlineData("src/ScRepro.Core/X.cs", true)]
    [InlineData("build.cake", true)]
    public void Should_count_only_code_paths_as_code(string path, bool isCode) =>
        Assert.Equal(isCode, CodeState.IsCode(path));
}
