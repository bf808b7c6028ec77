using ScRepro.Foundation.Errors;

namespace ScRepro.Models.Geneformer.Tokenization;

/// <summary>
/// Token and median dictionaries built from the training cells, for a model trained from random weights where no
/// Genecorpus dictionary fits the genes: '&lt;pad&gt;' 0, '&lt;mask&gt;' 1 (V2: '&lt;cls&gt;' 2, '&lt;eos&gt;' 3), then the gene ids in
/// ordinal order, as Geneformer numbers them; each gene's median is the median of its non-zero count/n_counts·10⁴ over
/// those cells (Geneformer's definition, on a corpus of one data set). Genes never detected get no token.
/// </summary>
public static class CorpusDictionaries
{
    public static (Dictionary<string, int> Tokens, Dictionary<string, double> Medians) Build(
        AnnData.AnnotatedData data, IReadOnlyList<int> rows, IReadOnlyList<string> geneIds, GeneformerVersion version, string source)
    {
        if (data.X is null) throw new ScReproException($"{source}: X is missing");
        var values = Enumerable.Range(0, geneIds.Count).Select(_ => new List<double>()).ToArray();
        const int chunk = 512;
        for (var start = 0; start < rows.Count; start += chunk)
        {
            var block = data.X.ToDense(rows.Skip(start).Take(chunk).ToList());
            for (var r = 0; r < block.Rows; r++)
            {
                var row = block.Row(r);
                double total = 0;
                foreach (var v in row) total += v;
                if (total <= 0) continue;
                for (var g = 0; g < row.Length; g++)
                    if (row[g] != 0) values[g].Add(row[g] / total * 10_000);
            }
        }
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal) { ["<pad>"] = 0, ["<mask>"] = 1 };
        if (version == GeneformerVersion.V2) (tokens["<cls>"], tokens["<eos>"]) = (2, 3);
        var medians = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var g in Enumerable.Range(0, geneIds.Count).Where(g => values[g].Count > 0).OrderBy(g => geneIds[g], StringComparer.Ordinal))
        {
            if (medians.ContainsKey(geneIds[g])) continue;
            var sorted = values[g].Order().ToArray();
            var n = sorted.Length;
            medians[geneIds[g]] = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            tokens[geneIds[g]] = tokens.Count;
        }
        return (tokens, medians);
    }
}
