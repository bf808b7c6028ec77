using ScRepro.Splits.Random;
using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Preprocessing;

namespace ScRepro.Models.Scgpt.Annotation;

/// <summary>
/// The annotation tutorial's input (spec §3): genes outside the vocab dropped, each cell binned (51 bins, seeded
/// tie-breaking, cell order), tokenized with &lt;cls&gt; first and (by default) only its non-zero genes. normalize_total
/// and log1p are skipped: binning is a per-cell quantile rank, so they do not change the bins (spec §3.1).
/// </summary>
public sealed class AnnotationInputs
{
    private AnnotationInputs(List<(long[] Ids, float[] Values)> cells, int[] labels) { Cells = cells; Labels = labels; }

    public List<(long[] Ids, float[] Values)> Cells { get; }

    /// <summary>Class index per cell (−1 when the label is not among the classes).</summary>
    public int[] Labels { get; }

    public static AnnotationInputs Build(AnnData.AnnotatedData data, IReadOnlyList<int> rows, string labelColumn, IReadOnlyList<string> classes,
        GeneVocab vocab, ScgptConfigView view, long seed, string source)
    {
        if (data.X is null) throw new ScReproException($"{source}: X is missing");
        if (!data.Obs.Contains(labelColumn)) throw new ScReproException($"{source}: obs has no column '{labelColumn}'");
        var genes = data.Var.Contains("gene_name")
            ? Enumerable.Range(0, data.NVars).Select(i => data.Var["gene_name"].GetString(i) ?? data.VarNames[i]).ToArray()
            : data.VarNames;
        var keep = Enumerable.Range(0, genes.Length).Where(g => vocab.Contains(genes[g])).ToArray();
        if (keep.Length == 0) throw new ScReproException($"{source}: none of the {genes.Length} genes is in the model's vocab");
        var keepIds = keep.Select(g => vocab.IdOf(genes[g])).ToArray();
        var classIndex = classes.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
        var rng = new NumpyRandomState(seed & 0xffffffff);
        var cells = new List<(long[], float[])>(rows.Count);
        var labels = new int[rows.Count];
        const int chunk = 512;
        for (var start = 0; start < rows.Count; start += chunk)
        {
            var block = data.X.ToDense(rows.Skip(start).Take(chunk).ToList());
            for (var r = 0; r < block.Rows; r++)
            {
                var full = block.Row(r);
                var sub = new float[keep.Length];
                for (var k = 0; k < keep.Length; k++) sub[k] = full[keep[k]];
                var bins = ExpressionBinning.BinRow(sub, view.NBins, rng, out _);
                cells.Add(CellTokenizer.Tokenize(bins.Select(b => (float)b).ToArray(), keepIds, vocab.ClsId, view.IncludeZeroGene));
                var label = data.Obs[labelColumn].GetString(rows[start + r]);
                labels[start + r] = label is not null && classIndex.TryGetValue(label, out var ci) ? ci : -1;
            }
        }
        return new AnnotationInputs(cells, labels);
    }

    /// <summary>The length the whole set pads to: min(longest cell, max_len), as pad_batch over the whole set.</summary>
    public int PaddedLength(int maxLen) => Math.Min(Cells.Max(c => c.Ids.Length), maxLen);
}

/// <summary>The recipe settings tokenization needs.</summary>
public sealed record ScgptConfigView(int NBins, bool IncludeZeroGene, int MaxSeqLen, float PadValue);
