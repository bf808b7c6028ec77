using ScRepro.Core.Manifests;
using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Papers.Tests;

/// <summary>manifests/papers.yaml is read as strictly as every manifest, and every citation of a paper is checked against it.</summary>
public sealed class PaperRegistryTests
{
    [Fact]
    public void The_repository_registry_reads_and_pins_boiarsky_v1()
    {
        var registry = PaperRegistryLoader.Load(Path.Combine(TestPaths.RepoRoot, "manifests", "papers.yaml"));
        Assert.Equal(("10.1101/2023.10.19.563100", "biorxiv", (int?)1), registry.Find("boiarsky2023") is { } b ? (b.Doi, b.Server, b.Version) : default);
        Assert.Equal(12, registry.Papers.Count);
    }

    [Theory]
    [InlineData("papers:\n  a: {doi: 10.1038/x, server: crossref, pages: 3}\n", "papers.yaml:2: key 'papers.a.pages': unknown key")]
    [InlineData("papers:\n  a: &x {doi: 10.1038/x, server: crossref}\n  b: *x\n", "papers.yaml:3: YAML alias '*x' is not allowed")]
    [InlineData("papers:\n  a: {doi: 10.1101/2023.1, server: biorxiv}\n", "papers.yaml:2: key 'papers.a.version': required for a biorxiv preprint")]
    [InlineData("papers:\n  a: {doi: 10.1101/2023.1, server: biorxiv, version: [1]}\n", "papers.yaml:2: key 'papers.a.version': expected an integer")]
    [InlineData("papers:\n  a: {doi: 10.1038/x, server: crossref, version: 2}\n", "key 'papers.a.version': only for biorxiv/medrxiv")]
    [InlineData("papers:\n  a: {doi: https://doi.org/10.1038/x, server: crossref}\n", "key 'papers.a.doi': 'https://doi.org/10.1038/x' is not a DOI")]
    [InlineData("papers:\n  a: {doi: 10.1038/x, server: crossref}\n  b: {doi: 10.1038/X, server: crossref}\n", "papers.yaml:3: key 'papers.b.doi': '10.1038/X' is already listed as 'a'")]
    [InlineData("papers:\n  a: {doi: 10.1038/x, server: arxiv}\n", "key 'papers.a.server': 'arxiv' is not one of")]
    [InlineData("papers:\n  A/b: {doi: 10.1038/x, server: crossref}\n", "'A/b' is not an id")]
    public void Bad_registries_are_one_error_naming_file_line_and_key(string yaml, string expected)
    {
        using var dir = TestPaths.NewTempDir();
        var file = dir.File("papers.yaml");
        File.WriteAllText(file, yaml);
        var e = Assert.Throws<ScReproException>(() => PaperRegistryLoader.Load(file));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_paper_key_in_an_experiment_is_an_error_at_its_file_and_line()
    {
        using var dir = TestPaths.NewTempDir();
        var manifests = Path.Combine(dir.Path, "manifests");
        foreach (var sub in new[] { "datasets", "models", "experiments" }) Directory.CreateDirectory(Path.Combine(manifests, sub));
        File.WriteAllText(Path.Combine(manifests, "papers.yaml"), "papers:\n  known: {doi: 10.1038/x, server: crossref}\n");
        File.WriteAllText(Path.Combine(manifests, "datasets", "d.yaml"), "id: d\ntitle: D\npapers: [known]\nlicense: cc0-1.0\ngenerator: {name: screpro-demo, seed: 1, outputs: [a.h5ad]}\n");
        File.WriteAllText(Path.Combine(manifests, "models", "m.yaml"), "id: m\nkind: train_mean\ntask: perturbation\ntitle: M\n");
        File.WriteAllText(Path.Combine(manifests, "experiments", "e.yaml"),
            "id: e\ntitle: E\ntask: perturbation\ndataset: d\nfile: a.h5ad\ncolumns: {perturbation: c, control: ctrl}\n" +
            "split: {policy: gears_simulation, seed: 1}\nmodels: [m]\nreferences:\n  - {model: m, metric: mse, value: 1, paper: known, locator: Table 1}\n" +
            "  - {model: m, metric: mae, value: 1, paper: unknwon, locator: Table 2}\n");
        var e = Assert.Throws<ScReproException>(() => ManifestCatalog.Load(manifests, "e"));
        Assert.Contains("e.yaml:11: key 'references[1].paper': unknown paper 'unknwon'", e.Message, StringComparison.Ordinal);
        Assert.Contains("lists: known", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_free_text_source_is_refused_with_the_replacement_named()
    {
        using var dir = TestPaths.NewTempDir();
        var file = dir.File("e.yaml");
        File.WriteAllText(file, "id: e\ntitle: E\ntask: perturbation\ndataset: d\nfile: a.h5ad\ncolumns: {perturbation: c, control: ctrl}\n" +
            "split: {policy: gears_simulation, seed: 1}\nmodels: [m]\nreferences:\n  - {model: m, metric: mse, value: 1, source: \"Someone 2023, Table 1\"}\n");
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadExperiment(file));
        Assert.Contains("e.yaml:10: key 'references[0].source': free-text sources are replaced by 'paper'", e.Message, StringComparison.Ordinal);
    }
}
