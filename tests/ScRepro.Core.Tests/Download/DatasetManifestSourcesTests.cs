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
        var root = Load(id);
        Assert.Equal(id, Scalar(root, "id"));
        // SCHEMA.md's top-level keys for a dataset with sources.
        Assert.Subset(new HashSet<string> { "id", "title", "citation", "license", "description", "sources" },
            root.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet());
        foreach (var key in new[] { "title", "citation", "license" }) Assert.False(string.IsNullOrWhiteSpace(Scalar(root, key)), key);

        var sources = (YamlSequenceNode)root.Children[new YamlScalarNode("sources")];
        Assert.NotEmpty(sources);
        foreach (YamlMappingNode source in sources)
        {
            Assert.Subset(new HashSet<string> { "url", "path", "sha256", "size", "extract", "provides", "note" },
                source.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet());
            var url = new Uri(Scalar(source, "url")!);
            Assert.Equal("https", url.Scheme);
            Assert.Null(DataPath.Problem(Scalar(source, "path")!));
            var sha = Scalar(source, "sha256");
            if (sha is null) Assert.Contains("pinned on first download", Scalar(source, "note"));
            else Assert.True(FileHasher.IsSha256Hex(sha), sha);
            if (Scalar(source, "size") is { } size) Assert.True(long.Parse(size) > 0);
            var kind = ArchiveExtractor.ParseKind(Scalar(source, "extract"), $"{id}: extract");
            if (source.Children.TryGetValue(new YamlScalarNode("provides"), out var provides))
            {
                Assert.NotEqual(ArchiveKind.None, kind);
                foreach (YamlScalarNode p in (YamlSequenceNode)provides) Assert.Null(DataPath.Problem(p.Value!));
            }
        }
    }
}
