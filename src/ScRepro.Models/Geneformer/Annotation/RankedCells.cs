using ScRepro.Foundation.Errors;
using ScRepro.Models.Geneformer.Tokenization;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Geneformer.Annotation;

/// <summary>Each cell's rank-value tokens, and right-padded batches of them (pad 0, attention mask), as Geneformer's collator pads.</summary>
public sealed class RankedCells
{
    private readonly int[][] _cells;

    private RankedCells(int[][] cells) => _cells = cells;

    public int Count => _cells.Length;

    /// <summary>Tokenizes the rows' stored entries; n_counts is the obs column when present, else each row's total (as the loom path computes it).</summary>
    public static RankedCells Build(AnnData.AnnotatedData data, IReadOnlyList<int> rows, RankValueTokenizer tokenizer, IReadOnlyList<string> geneIds, string source)
    {
        if (data.X is null) throw new ScReproException($"{source}: X is missing");
        var cells = new int[rows.Count][];
        const int chunk = 512;
        for (var start = 0; start < rows.Count; start += chunk)
        {
            var block = data.X.ToDense(rows.Skip(start).Take(chunk).ToList());
            for (var r = 0; r < block.Rows; r++)
            {
                var row = block.Row(r);
                var columns = new List<int>();
                var values = new List<float>();
                double total = 0;
                for (var g = 0; g < row.Length; g++)
                {
                    total += row[g];
                    if (row[g] != 0) { columns.Add(g); values.Add(row[g]); }
                }
                var n = data.Obs.Contains("n_counts") && data.Obs["n_counts"] is AnnData.Frames.NumericColumn nc ? nc.Values[rows[start + r]] : total;
                if (!(n > 0)) throw new ScReproException($"{source}: cell '{data.ObsNames[rows[start + r]]}' has no counts (n_counts {n})");
                var tokens = tokenizer.Tokenize(columns.ToArray(), values.ToArray(), n, geneIds);
                if (tokens.Length == 0) throw new ScReproException($"{source}: cell '{data.ObsNames[rows[start + r]]}' expresses no gene of the dictionary");
                cells[start + r] = tokens;
            }
        }
        return new RankedCells(cells);
    }

    /// <summary>(input_ids, attention_mask) for the cells at <paramref name="indices"/>, padded to the longest.</summary>
    public (Tensor Ids, Tensor Mask) Batch(IReadOnlyList<int> indices, Device device)
    {
        var length = indices.Max(i => _cells[i].Length);
        var ids = new long[indices.Count * length];
        var mask = new long[indices.Count * length];
        for (var b = 0; b < indices.Count; b++)
        {
            var cell = _cells[indices[b]];
            for (var p = 0; p < cell.Length; p++) (ids[b * length + p], mask[b * length + p]) = (cell[p], 1);
        }
        return (tensor(ids, [indices.Count, length], ScalarType.Int64).to(device), tensor(mask, [indices.Count, length], ScalarType.Int64).to(device));
    }
}
