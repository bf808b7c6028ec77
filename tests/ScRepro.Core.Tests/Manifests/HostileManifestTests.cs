using System.Diagnostics;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Manifests;

/// <summary>
/// Manifests written to break the loader (issue 19 items 4, 6, 7, 8): each ends in one ScReproException (exit 2)
/// naming the file, the line of the offending key and the key, in bounded time.
/// </summary>
public sealed class HostileManifestTests
{
    private const string Experiment = """
        id: e
        title: E
        task: perturbation
        dataset: d
        file: perturbation.h5ad
        columns: {perturbation: condition, control: ctrl}
        split: {policy: gears_simulation, seed: 1}
        models: [m]
        """;

    private const string Dataset = """
        id: d
        title: D
        citation: C
        license: CC0-1.0
        sources:
          - url: https://example.org/x.h5ad
            path: x.h5ad
        """;

    private static string Write(TempDir dir, string sub, string name, string text)
    {
        var path = Path.Combine(dir.Path, sub, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static ScReproException LoadModel(string hyperparameters)
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "models", "m.yaml", $"id: m\nkind: additive\ntask: perturbation\ntitle: M\nhyperparameters:\n{hyperparameters}");
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadModel(path));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        return e;
    }

    [Theory]
    // YAML 1.2 core schema §10.3.2: .nan/.inf are floats, which the canonical JSON cannot hold.
    [InlineData("  x: .nan", "m.yaml:6: key 'hyperparameters.x': '.nan' is a non-finite float")]
    [InlineData("  x: -.inf", "m.yaml:6: key 'hyperparameters.x': '-.inf' is a non-finite float")]
    // 1e400 exceeds double's largest finite value, about 1.8e308.
    [InlineData("  x: 1e400", "m.yaml:6: key 'hyperparameters.x': '1e400' is out of range for a 64-bit float")]
    // 2^63 = 9223372036854775808 is one past int64's largest value.
    [InlineData("  x: 9223372036854775808", "m.yaml:6: key 'hyperparameters.x': '9223372036854775808' is out of range for a 64-bit integer")]
    public void Should_name_a_number_the_canonical_form_cannot_hold(string line, string message) =>
        Assert.Contains(message, LoadModel(line + "\n").Message);

    [Fact]
    public void Should_read_plain_NaN_and_Infinity_as_strings_as_the_core_schema_does()
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "models", "m.yaml", "id: m\nkind: additive\ntask: perturbation\ntitle: M\nhyperparameters: {a: NaN, b: Infinity, c: 0x1F, d: 0o17, e: 1.5e3}\n");
        var model = ManifestLoader.LoadModel(path);
        Assert.Equal("NaN", model.Hyperparameters["a"]);
        Assert.Equal("Infinity", model.Hyperparameters["b"]);
        Assert.Equal(31L, model.Hyperparameters["c"]); // 0x1F
        Assert.Equal(15L, model.Hyperparameters["d"]); // 0o17
        Assert.Equal(1500.0, model.Hyperparameters["e"]);
    }

    [Fact]
    public void Should_name_a_NaN_where_a_number_is_expected()
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "models", "m.yaml", "id: m\nkind: additive\ntask: perturbation\ntitle: M\nbudget:\n  max_wall_clock_s: NaN\n");
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadModel(path));
        Assert.Contains("m.yaml:6: key 'budget.max_wall_clock_s': expected a number, got 'NaN'", e.Message);
    }

    [Fact]
    public void Should_refuse_an_alias_bomb_at_once()
    {
        // The billion-laughs shape: nine levels of nine aliases each would expand to 9^9 (387 million) strings.
        var text = new System.Text.StringBuilder("id: m\nkind: additive\ntask: perturbation\ntitle: M\nhyperparameters:\n  l0: &l0 [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
            text.Append($"  l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9))}]\n");
        Assert.True(text.Length < 1000);
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "models", "m.yaml", text.ToString());
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadModel(path));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains("m.yaml:7: YAML alias '*l0' is not allowed in a manifest", e.Message);
    }

    [Theory]
    [InlineData("file: perturbation.h5ad", "file: ./perturbation.h5ad", "e.yaml:5: key 'file': './perturbation.h5ad' is not allowed: it has a '.' segment")]
    [InlineData("file: perturbation.h5ad", "file: a//perturbation.h5ad", "e.yaml:5: key 'file': 'a//perturbation.h5ad' is not allowed: it has an empty segment")]
    [InlineData("file: perturbation.h5ad", "file: .screpro/sources/0/receipt.json", "e.yaml:5: key 'file': '.screpro/sources/0/receipt.json' is inside .screpro/")]
    [InlineData("dataset: d", "dataset: ../d", "e.yaml:4: key 'dataset': '../d' is not an id")]
    [InlineData("models: [m]", "models: [/etc/m]", "e.yaml:8: key 'models[0]': '/etc/m' is not an id")]
    public void Should_refuse_paths_where_ids_or_clean_paths_belong(string from, string to, string message)
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "experiments", "e.yaml", Experiment.Replace(from, to) + "\n");
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadExperiment(path));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Should_refuse_an_experiment_given_as_a_path()
    {
        using var dir = TestPaths.NewTempDir();
        var e = Assert.Throws<ScReproException>(() => ManifestCatalog.Load(Path.Combine(dir.Path, "manifests"), "/tmp/evil"));
        Assert.Contains("--experiment: '/tmp/evil' is not an id", e.Message);
    }

    [Fact]
    public void Should_report_the_line_of_the_key_not_of_its_mapping()
    {
        using var dir = TestPaths.NewTempDir();
        // The sources[0] mapping starts on line 6 ("- path: …"); its bad key "url" is on line 7.
        var moved = Write(dir, "datasets", "d.yaml", Dataset.Replace("  - url: https://example.org/x.h5ad\n    path: x.h5ad", "  - path: x.h5ad\n    url: ftp://example.org/x.h5ad") + "\n");
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadDataset(moved));
        Assert.Contains("d.yaml:7: key 'sources[0].url': 'ftp://example.org/x.h5ad' is not an absolute http", e.Message);
    }
}
