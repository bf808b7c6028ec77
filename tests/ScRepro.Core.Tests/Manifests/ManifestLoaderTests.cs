using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Manifests;

public sealed class ManifestLoaderTests
{
    private const string GoodModel = """
        id: m1
        kind: train_mean
        task: perturbation
        title: "Train mean"
        hyperparameters: {alpha: 0.5, n: 3, name: x, flag: true, list: [1, 2]}
        budget:
          epochs: 15
          max_wall_clock_s: 60
          early_stopping_metric: pearson_delta
        """;

    private static string Write(TempDir dir, string sub, string name, string text)
    {
        var path = Path.Combine(dir.Path, sub, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Should_read_a_model_manifest_with_typed_hyperparameters()
    {
        using var dir = TestPaths.NewTempDir();
        var model = ManifestLoader.LoadModel(Write(dir, "models", "m1.yaml", GoodModel));
        Assert.Equal("train_mean", model.Kind);
        Assert.Equal(0.5, model.Hyperparameters["alpha"]);
        Assert.Equal(3L, model.Hyperparameters["n"]);
        Assert.Equal(true, model.Hyperparameters["flag"]);
        Assert.Equal(15L, model.Budget.Epochs);
        Assert.Equal(60.0, model.Budget.MaxWallClockS);
        Assert.Null(model.Budget.MaxSteps);
    }

    [Fact]
    public void Should_name_file_line_and_key_for_an_unknown_key()
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "models", "m1.yaml", GoodModel.Replace("  epochs: 15", "  epochs: 15\n  max_epochz: 3"));
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadModel(path));
        // The typo is on line 8 of the file (1-based, as YamlDotNet counts).
        Assert.Contains("m1.yaml:8: key 'budget.max_epochz': unknown key", e.Message);
    }

    [Fact]
    public void Should_name_the_key_of_a_wrong_type()
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "models", "m1.yaml", GoodModel.Replace("epochs: 15", "epochs: fifteen"));
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadModel(path));
        Assert.Contains("key 'budget.epochs': expected an integer, got 'fifteen'", e.Message);
        Assert.Contains("m1.yaml:7", e.Message);
    }

    [Fact]
    public void Should_name_a_missing_required_field()
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "models", "m1.yaml", GoodModel.Replace("kind: train_mean\n", ""));
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadModel(path));
        Assert.Contains("key 'kind': required field is missing", e.Message);
    }

    [Fact]
    public void Should_report_malformed_yaml_with_its_line()
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "models", "m1.yaml", "id: m1\nkind: [unclosed\ntask: perturbation\n");
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadModel(path));
        Assert.Contains("m1.yaml:", e.Message);
        Assert.Contains("malformed YAML", e.Message);
    }

    [Fact]
    public void Should_refuse_an_id_that_differs_from_the_file_name()
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "models", "other.yaml", GoodModel);
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadModel(path));
        Assert.Contains("key 'id': 'm1' must equal the file name 'other'", e.Message);
    }

    [Theory]
    [InlineData("../outside.h5ad", "leaves the data folder")]
    [InlineData("/etc/passwd", "is absolute")]
    [InlineData("a/../../b.h5ad", "leaves the data folder")]
    [InlineData("a\\b.h5ad", "POSIX relative path")]
    public void Should_refuse_a_dataset_path_that_leaves_the_data_folder(string bad, string reason)
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "datasets", "d.yaml", $"""
            id: d
            title: t
            citation: c
            license: CC0-1.0
            sources:
              - url: https://example.org/x.h5ad
                path: "{bad.Replace("\\", "\\\\")}"
            """);
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadDataset(path));
        Assert.Contains("key 'sources[0].path'", e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("    inputs: [a.h5ad, b.h5ad]\n    batch_key: str_batch\n    join: outer", "key 'combine[0].join': unknown key")]
    [InlineData("    inputs: [a.h5ad]\n    batch_key: str_batch", "key 'combine[0].inputs': list at least two files")]
    [InlineData("    inputs: [a.h5ad, ../b.h5ad]\n    batch_key: str_batch", "key 'combine[0].inputs[1]'")]
    [InlineData("    inputs: [a.h5ad, b.h5ad]", "key 'combine[0].batch_key'")]
    public void Should_refuse_a_bad_combine_entry_naming_its_key(string body, string expected)
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "datasets", "d.yaml", "id: d\ntitle: t\ncitation: c\nlicense: CC0-1.0\nsources:\n  - url: https://example.org/x.zip\n" +
            "    path: x.zip\ncombine:\n  - output: joined.h5ad\n" + body + "\n");
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadDataset(path));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Should_refuse_a_malformed_sha256()
    {
        using var dir = TestPaths.NewTempDir();
        var path = Write(dir, "datasets", "d.yaml", """
            id: d
            title: t
            citation: c
            license: CC0-1.0
            sources:
              - url: https://example.org/x.h5ad
                path: x.h5ad
                sha256: ABC
            """);
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadDataset(path));
        Assert.Contains("key 'sources[0].sha256': 'ABC' is not 64 lowercase hex digits", e.Message);
    }

    [Fact]
    public void Should_give_the_same_canonical_hash_whatever_the_formatting()
    {
        using var dir = TestPaths.NewTempDir();
        var a = ManifestLoader.LoadModel(Write(dir, "a", "m1.yaml", GoodModel));
        var reformatted = "# a comment\n" + GoodModel.Replace("{alpha: 0.5, n: 3, name: x, flag: true, list: [1, 2]}",
            "\n  list: [1, 2]\n  name: x\n  n: 3\n  flag: true\n  alpha: 0.5");
        var b = ManifestLoader.LoadModel(Write(dir, "b", "m1.yaml", reformatted));
        Assert.Equal(a.Origin.Sha256, b.Origin.Sha256);
        var changed = ManifestLoader.LoadModel(Write(dir, "c", "m1.yaml", GoodModel.Replace("alpha: 0.5", "alpha: 0.25")));
        Assert.NotEqual(a.Origin.Sha256, changed.Origin.Sha256);
    }

    [Fact]
    public void Should_define_the_canonical_hash_as_sha256_of_sorted_compact_json()
    {
        using var dir = TestPaths.NewTempDir();
        var m = ManifestLoader.LoadModel(Write(dir, "models", "m1.yaml", "id: m1\nkind: k\ntask: annotation\ntitle: T\n"));
        // Expected text written by hand from README's rule: keys sorted ordinally, no whitespace.
        Assert.Equal("""{"id":"m1","kind":"k","task":"annotation","title":"T"}""", m.Origin.CanonicalJson);
        // sha256 of that exact string, computed with `printf '%s' '…' | sha256sum`.
        Assert.Equal(ScRepro.Core.Hashing.TextHash.Sha256("""{"id":"m1","kind":"k","task":"annotation","title":"T"}"""), m.Origin.Sha256);
    }

    [Fact]
    public void Should_load_every_manifest_the_project_ships()
    {
        var root = Path.Combine(TestPaths.RepoRoot, "manifests");
        foreach (var f in Directory.GetFiles(Path.Combine(root, "datasets"), "*.yaml")) ManifestLoader.LoadDataset(f);
        foreach (var f in Directory.GetFiles(Path.Combine(root, "models"), "*.yaml")) ManifestLoader.LoadModel(f);
        foreach (var f in Directory.GetFiles(Path.Combine(root, "experiments"), "*.yaml"))
            ManifestCatalog.Load(root, Path.GetFileNameWithoutExtension(f));
    }
}
