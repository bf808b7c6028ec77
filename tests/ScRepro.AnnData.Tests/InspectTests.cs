using System.Text.Json;
using ScRepro.Foundation.IO;

namespace ScRepro.AnnData.Tests;

/// <summary>
/// `inspect --json` against anndata: every expected object was computed by anndata 0.8.0 itself from the same file
/// (tests/fixtures/anndata/scripts/make_fixtures.py, function inspect()).
/// </summary>
public sealed class InspectTests
{
    public static TheoryData<string> FixtureNames => Fixtures.All();

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Should_agree_with_anndata_on_every_key(string name) =>
        AssertSame(Fixtures.Expected(name), Json.Serialize(AnnDataFile.Inspect(Fixtures.H5ad(name))));

    [Fact]
    public void Should_agree_with_anndata_on_the_legacy_pbmc68k_file() =>
        AssertSame(Fixtures.Expected("pbmc68k_reduced"), Json.Serialize(AnnDataFile.Inspect(Fixtures.Pbmc)));

    [Fact]
    public void Should_apply_anndatas_legacy_fixes_to_pbmc68k()
    {
        // Expected from anndata 0.8.0 reading the file: categories come from uns["*_categories"], the neighbors
        // graphs move to obsp, obsm is split out of a compound dataset.
        var a = AnnDataFile.Read(Fixtures.Pbmc);
        var louvain = Assert.IsType<Frames.CategoricalColumn>(a.Obs["louvain"]);
        Assert.Equal(11, louvain.Categories.Length);
        Assert.Equal("1", louvain.GetString(0));
        Assert.Equal("CD14+ Monocyte", a.Obs["bulk_labels"].GetString(0));
        Assert.Equal("index", a.Obs.IndexName);
        Assert.Equal((700, 50), (a.Obsm["X_pca"].Rows, a.Obsm["X_pca"].Cols));
        Assert.Equal((765, 50), (a.Varm["PCs"].Rows, a.Varm["PCs"].Cols));
        Assert.Equal(["distances", "connectivities"], a.Obsp.Keys);
        Assert.IsType<Matrices.CsrMatrix>(a.Raw!.X);
        Assert.False(a.Uns.ContainsKey("louvain_categories"));
        var neighbors = Assert.IsType<Dictionary<string, object?>>(a.Uns["neighbors"]);
        Assert.Equal("umap", Assert.IsType<Dictionary<string, object?>>(neighbors["params"])["method"]);
    }

    [Fact]
    public void Should_follow_anndata_0_7_category_references()
    {
        // legacy_v07.h5ad: obs/kind is an int8 codes dataset whose "categories" attribute references
        // obs/__categories/kind (ordered=True); anndata 0.8 reads it as an ordered categorical with one missing value.
        var a = AnnDataFile.Read(Fixtures.H5ad("legacy_v07"));
        var kind = Assert.IsType<Frames.CategoricalColumn>(a.Obs["kind"]);
        Assert.Equal(["alpha", "beta", "gamma"], kind.Categories);
        Assert.Equal([0, 2, 1, -1, 0, 2], kind.Codes);
        Assert.True(kind.Ordered);
        Assert.Equal("v07", a.Uns["note"]);
    }

    private static void AssertSame(string expectedPath, string actualJson)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        using var actual = JsonDocument.Parse(actualJson);
        var e = expected.RootElement;
        var a = actual.RootElement;
        Assert.Equal(e.EnumerateObject().Select(p => p.Name), a.EnumerateObject().Select(p => p.Name));
        foreach (var p in e.EnumerateObject())
        {
            var got = a.GetProperty(p.Name);
            if (p.Name == "x_sum")
                Assert.Equal(p.Value.GetDouble(), got.GetDouble(), 1e-9 * Math.Max(1, Math.Abs(p.Value.GetDouble())));
            else
                Assert.True(JsonElement.DeepEquals(p.Value, got), $"{p.Name}: expected {p.Value.GetRawText()} got {got.GetRawText()}");
        }
    }
}
