using ScRepro.AnnData;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Core.Manifests;

namespace ScRepro.Pipeline.Stages;

/// <summary>
/// A manifest's <c>combine</c> entry as a Download unit: after the sources, the listed downloaded files are joined
/// into one (scGPT ships reference and query separately; its tutorials join them with str_batch "0"/"1", and the
/// Boiarsky experiments read that joined file). The stamp holds the entry and every source's stamp input, so whatever
/// re-fetches a source re-joins; the output file is a product, so deleting it re-joins. The Hash stage then pins it like any file.
/// </summary>
public static class CombineFiles
{
    public static WorkUnit Plan(RunContext ctx, DatasetCombine combine)
    {
        var index = ctx.Dataset.Combine.ToList().IndexOf(combine);
        var inputs = new Dictionary<string, string>
        {
            ["combine"] = YamlValues.CanonicalHash(new SortedDictionary<string, object?>
            {
                ["output"] = combine.Output, ["inputs"] = combine.Inputs.ToList(), ["batch_key"] = combine.BatchKey,
                ["var_names"] = combine.VarNames,
            }),
            ["sources"] = Core.Hashing.TextHash.Sha256Lines(ctx.Dataset.Sources.Select(SourceDownload.SpecHash)),
        };
        var output = ctx.DataFile(combine.Output);
        return DatasetUnit.Create(ctx, "combine", index, combine.Output, inputs, tmp => Join(ctx, combine, index, output, tmp), [output]);
    }

    private static void Join(RunContext ctx, DatasetCombine combine, int index, string output, string receiptDir)
    {
        var where = $"{ctx.Dataset.Origin.File}: key 'combine[{index}]";
        var parts = combine.Inputs.Select((input, i) =>
        {
            var path = ctx.DataFile(input);
            if (!File.Exists(path)) throw new ScReproException($"{where}.inputs[{i}]': {input} is missing (no source provides it)");
            var adata = AnnDataFile.Read(path);
            if (combine.VarNames is not { } column) return adata;
            try { return VarIndex.FromColumn(adata, column); }
            catch (Exception e) when (e is KeyNotFoundException or ArgumentException)
            {
                throw new ScReproException($"{where}.var_names': {input}: {e.Message}");
            }
        }).ToList();
        AnnData.AnnotatedData joined;
        try { joined = AnnDataConcat.Concatenate(parts, combine.BatchKey); }
        catch (ArgumentException e) { throw new ScReproException($"{where}': {e.Message}"); }
        AnnDataFile.Write(output, joined);
        Json.WriteFile(Path.Combine(receiptDir, "receipt.json"), new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["output"] = combine.Output,
            ["inputs"] = combine.Inputs.ToList(),
            ["batch_key"] = combine.BatchKey,
            ["batch_categories"] = combine.Inputs.Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            ["var_names"] = combine.VarNames,
            ["shape"] = new[] { joined.NObs, joined.NVars },
        });
    }
}
