using ScRepro.Testing;

namespace ScRepro.AnnData.Tests;

/// <summary>The .h5ad fixtures written by tests/fixtures/anndata/scripts/make_fixtures.py (anndata 0.8.0).</summary>
internal static class Fixtures
{
    public static readonly string[] Names = ["csr_f32", "csc_f64", "dense_f32", "dense_int32", "csr_int64", "csr_gzip", "no_x", "legacy_v07"];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var n in Names) data.Add(n);
        return data;
    }

    public static string H5ad(string name) => TestPaths.Fixture("anndata", name + ".h5ad");

    public static string Expected(string name) => TestPaths.Fixture("anndata", name + ".inspect.json");

    /// <summary>../shared/data/pbmc68k_reduced.h5ad: anndata &lt; 0.7 encoding. Required: CI has ../shared.</summary>
    public static string Pbmc
    {
        get
        {
            var path = TestPaths.Shared("data", "pbmc68k_reduced.h5ad");
            Assert.True(File.Exists(path), $"{path} is missing: these tests need ../shared (beside the checkout or its local origin, or SCREPRO_SHARED)");
            return path;
        }
    }
}
