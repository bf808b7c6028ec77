using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Manifests;

/// <summary>A dataset's `license` is a Hugging Face Hub licence id, or `other` with a name and a link (hub-docs modelcard.md).</summary>
public sealed class DatasetLicenseTests
{
    [Theory]
    [InlineData("license: \"CC BY 4.0\"\n", "key 'license': 'cc by 4.0' is not a Hugging Face Hub licence id")]
    [InlineData("license: other\nlicense_link: https://x.org\n", "key 'license_name': required when license is 'other'")]
    [InlineData("license: other\nlicense_name: x\n", "key 'license_link': required when license is 'other'")]
    [InlineData("license: other\nlicense_name: \"My Terms\"\nlicense_link: https://x.org\n", "key 'license_name': 'My Terms' must match")]
    [InlineData("license: other\nlicense_name: x\nlicense_link: terms.txt\n", "key 'license_link': 'terms.txt' is not an absolute http or https URL")]
    [InlineData("license: mit\nlicense_name: x\n", "key 'license_name': only for license 'other'")]
    public void Should_refuse_a_dataset_licence_the_hub_would_not_accept(string licence, string message)
    {
        using var dir = TestPaths.NewTempDir();
        var file = dir.File("d.yaml");
        File.WriteAllText(file, "id: d\ntitle: D\ncitation: C\n" + licence + "generator:\n  name: screpro-demo\n  seed: 1\n  outputs: [x.h5ad]\n");
        var e = Assert.Throws<ScReproException>(() => ManifestLoader.LoadDataset(file));
        Assert.Contains("d.yaml:", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("cc-by-4.0", "cc-by-4.0")]
    [InlineData("CC0-1.0", "cc0-1.0")] // SPDX spelling reads; the card writes the Hub's lowercase id
    public void Should_read_a_hub_licence_id(string written, string id)
    {
        using var dir = TestPaths.NewTempDir();
        var file = dir.File("d.yaml");
        File.WriteAllText(file, $"id: d\ntitle: D\ncitation: C\nlicense: {written}\nlicense_note: terms\ngenerator:\n  name: g\n  seed: 1\n  outputs: [x.h5ad]\n");
        Assert.Equal(new DatasetLicense(id, null, null, "terms"), ManifestLoader.LoadDataset(file).License);
    }
}
