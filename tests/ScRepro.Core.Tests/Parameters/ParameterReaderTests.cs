using ScRepro.Core.Manifests;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.Parameters;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Parameters;

/// <summary>
/// The one parameter rule, on maps as the manifest loader types real YAML (YAML 1.2 core schema: `2` is an integer,
/// `2.0` a float, `"2"` a string).
/// </summary>
public sealed class ParameterReaderTests
{
    private static ParameterReader Read(TempDir dir, string hyperparameters)
    {
        var path = Path.Combine(dir.Path, "m1.yaml");
        File.WriteAllText(path, $"id: m1\nkind: k\ntask: perturbation\ntitle: T\nhyperparameters: {hyperparameters}\n");
        return new ParameterReader(ManifestLoader.LoadModel(path).Hyperparameters, path, "hyperparameters");
    }

    [Fact]
    public void Should_take_an_integer_scalar_as_an_int_and_either_scalar_as_a_number()
    {
        using var dir = TestPaths.NewTempDir();
        var p = Read(dir, "{epochs: 2, lr: 2, dropout: 0.25, amp: true, name: x, grid: [1, 0.5]}");
        Assert.Equal(2, p.Int("epochs", 0, 1));
        Assert.Equal(2.0, p.Double("lr", 0));
        Assert.Equal(0.25, p.Double("dropout", 0, 0, 1));
        Assert.True(p.Bool("amp", false));
        Assert.Equal("x", p.String("name"));
        Assert.Equal([1.0, 0.5], p.DoubleList("grid", []));
        Assert.Equal(7, p.Int("absent", 7));
        p.Finish();
    }

    [Theory]
    [InlineData("2.0", "got 2.0 (a float; an integer is written without a decimal point)")]
    [InlineData("\"2\"", "got the string '2'")]
    [InlineData("0", "got 0")]
    [InlineData("true", "got true")]
    public void Should_refuse_anything_but_a_positive_integer_scalar_naming_file_and_key(string yaml, string got)
    {
        using var dir = TestPaths.NewTempDir();
        var p = Read(dir, $"{{epochs: {yaml}}}");
        var e = Assert.Throws<ScReproException>(() => p.Int("epochs", 1, 1));
        Assert.Equal($"{Path.Combine(dir.Path, "m1.yaml")}: hyperparameters: key 'epochs' must be a positive integer, {got}", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void Should_refuse_out_of_range_numbers_and_unknown_keys()
    {
        using var dir = TestPaths.NewTempDir();
        var p = Read(dir, "{dropout: 1.5, lr: 0.1, lr_typo: 3}");
        var e = Assert.Throws<ScReproException>(() => p.Double("dropout", 0, 0, 0.999));
        Assert.EndsWith("key 'dropout' must be a number in [0, 0.999], got 1.5", e.Message);
        _ = p.Double("lr", 0);
        e = Assert.Throws<ScReproException>(p.Finish);
        Assert.EndsWith("hyperparameters: unknown key 'lr_typo' (known: dropout, lr)", e.Message);
    }

    [Fact]
    public void Should_narrow_a_budget_integer_or_name_the_key()
    {
        Assert.Equal(5, ParameterReader.Narrow(5L, "m.yaml", "budget.epochs"));
        Assert.Null(ParameterReader.Narrow(null, "m.yaml", "budget.epochs"));
        var e = Assert.Throws<ScReproException>(() => ParameterReader.Narrow(1L << 40, "m.yaml", "budget.epochs"));
        Assert.Equal("m.yaml: key 'budget.epochs' must be an integer, got 1099511627776", e.Message);
    }
}
