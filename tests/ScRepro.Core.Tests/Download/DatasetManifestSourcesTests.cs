using ScRepro.Core.Download;
using ScRepro.Core.Hashing;
using ScRepro.Testing;
using YamlDotNet.RepresentationModel;

namespace ScRepro.Core.Tests.Download;

/// <summary>
/// The real-dataset manifests in manifests/datasets/ (the download sources; the strict schema parser is
/// ScRepro.Core.Manifests): every source must be something the downloader and extractor accept, and every
/// unconfirmed hash must say it is pinned on first download.
/// </summary>
public sealed class DatasetManifestSourcesTests
{
    private static readonly string[] RealDatasets =
        ["norman2019", "zheng68k", "zheng68k_scbert", "scgpt_ms", "scgpt_myeloid", "scgpt_pancreas"];

    public static TheoryData<string> Ids() => new(RealDatasets);

    private static YamlMappingNode Load(string id)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TestPaths.RepoRoot, "manifests", "datasets", id + ".yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s && s.Value is not ("null" or "~" or "")
            ? s.Value : null;

    [Theory]
    [MemberData(nameof(Ids))]
    public void Should_describe_sources_the_downloader_accepts(string id)
    {
        // The strict loader enforces SCHEMA (unknown keys, types, safe paths); on top of it, the real datasets
        // must use https, say when a hash is unpinned, and extract only what the extractor knows.
        var manifest = ScRepro.Core.Manifests.ManifestLoader.LoadDataset(Path.Combine(TestPaths.RepoRoot, "manifests", "datasets", id + ".yaml"));
        Assert.Equal(id, manifest.Id);
        Assert.NotEmpty(manifest.Sources);
        foreach (var source in manifest.Sources)
        {
            Assert.Equal("https", new Uri(source.Url).Scheme);
            Assert.Null(DataPath.Problem(source.Path));
            if (source.Sha256 is null) Assert.Contains("pinned on first download", source.Note);
            if (source.Size is { } size) Assert.True(size > 0);
            var kind = ArchiveExtractor.ParseKind(source.Extract, $"{id}: extract");
            if (source.Provides.Count > 0) Assert.NotEqual(ArchiveKind.None, kind);
            Assert.All(source.ThenExtract, inner => Assert.Contains(inner, source.Provides));
        }
    }
}
