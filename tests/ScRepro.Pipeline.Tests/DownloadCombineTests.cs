using System.IO.Compression;
using ScRepro.AnnData;
using ScRepro.AnnData.Frames;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Testing;

namespace ScRepro.Pipeline.Tests;

/// <summary>
/// Download over a file:// source holding a zip of two AnnData files (the anndata-written reference/query fixture of
/// tests/fixtures/anndata/concat), then the manifest's combine step, as the scGPT annotation datasets do.
/// </summary>
[Collection("Sequential")]
public sealed class DownloadCombineTests
{
    private static RunContext Context(TempDir dir, string combineInputs = "[bundle/reference.h5ad, bundle/query.h5ad]")
    {
        var zip = Path.Combine(dir.Path, "upstream", "bundle.zip");
        if (!File.Exists(zip))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
            using var archive = ZipFile.Open(zip, ZipArchiveMode.Create);
            foreach (var name in new[] { "reference", "query" })
                archive.CreateEntryFromFile(TestPaths.Fixture("anndata", "concat", name + ".h5ad"), $"bundle/{name}.h5ad");
        }
        var manifests = Path.Combine(dir.Path, "manifests");
        foreach (var sub in new[] { "datasets", "models", "experiments" }) Directory.CreateDirectory(Path.Combine(manifests, sub));
        File.WriteAllText(Path.Combine(manifests, "datasets", "d.yaml"), $"""
            id: d
            title: D
            citation: C
            license: CC0-1.0
            sources:
              - url: {new Uri(zip).AbsoluteUri}
                path: bundle.zip
                extract: zip
                provides: [bundle/reference.h5ad, bundle/query.h5ad]
            combine:
              - output: reference_query.h5ad
                inputs: {combineInputs}
                batch_key: str_batch
                var_names: gene_name
            """);
        File.WriteAllText(Path.Combine(manifests, "models", "m.yaml"), "id: m\nkind: logreg_l1\ntask: annotation\ntitle: M\nhyperparameters: {C: 0.1}\n");
        File.WriteAllText(Path.Combine(manifests, "experiments", "e.yaml"),
            "id: e\ntitle: E\ntask: annotation\ndataset: d\nfile: reference_query.h5ad\ncolumns: {label: celltype, batch: str_batch}\n" +
            "split: {policy: holdout, seed: 1, parameters: {test_batches: [\"1\"]}}\nmodels: [m]\n");
        var catalog = ManifestCatalog.Load(manifests, "e");
        var code = CodeState.Create(dir.Path, "0123456789abcdef", "0123456", "main", null, false, []);
        return new RunContext(dir.Path, catalog, code, false, "test");
    }

    [Fact]
    public void Should_download_extract_and_join_reference_and_query()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = Context(dir);
        Assert.Equal(2, PipelineSession.Run(ctx, "download"));
        var joined = AnnDataFile.Read(ctx.DataFile("reference_query.h5ad"));
        // 6 reference + 4 query cells over the 5 genes both files hold (make_concat.py).
        Assert.Equal((10, 5), (joined.NObs, joined.NVars));
        Assert.Equal(["0", "1"], ((CategoricalColumn)joined.Obs["str_batch"]).Categories);
        Assert.Equal(AnnDataFile.Read(TestPaths.Fixture("anndata", "concat", "expected.h5ad")).ObsNames, joined.ObsNames);
        Assert.Equal(1, PipelineSession.Run(ctx, "hash"));
        Assert.Contains("reference_query.h5ad", File.ReadAllText(Path.Combine(ctx.Root, "data", "locks", "d", "lock.json")));
    }

    [Fact]
    public void Should_skip_when_done_and_rejoin_only_a_deleted_output()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = Context(dir);
        PipelineSession.Run(ctx, "download");
        Assert.Null(PipelineSession.Status(ctx, "download"));
        File.Delete(ctx.DataFile("reference_query.h5ad"));
        Assert.Equal("d/reference_query.h5ad: reference_query.h5ad is missing", PipelineSession.Status(ctx, "download"));
        Assert.Equal(1, PipelineSession.Run(ctx, "download"));
        Assert.True(File.Exists(ctx.DataFile("reference_query.h5ad")));
    }

    [Fact]
    public void Should_name_the_manifest_field_when_an_input_is_missing()
    {
        using var dir = TestPaths.NewTempDir();
        var ctx = Context(dir, "[bundle/reference.h5ad, bundle/absent.h5ad]");
        var e = Assert.Throws<ScReproException>(() => PipelineSession.Run(ctx, "download"));
        Assert.Contains("d.yaml: key 'combine[0].inputs[1]': bundle/absent.h5ad is missing", e.Message);
        Assert.False(File.Exists(ctx.DataFile("reference_query.h5ad")));
    }
}
