using ScRepro.Splits.Random;

namespace ScRepro.Models.Scgpt.Preprocessing;

/// <summary>
/// scGPT's tokenize_batch and pad_batch (scgpt/tokenizer/gene_tokenizer.py @cebd6fa, spec §3.3) for the
/// annotation input: per cell keep the non-zero genes (or all with include_zero_gene) in gene order, put
/// &lt;cls&gt; with value 0 first, subsample cells longer than max_len keeping &lt;cls&gt;, and right-pad the rest.
/// </summary>
public static class CellTokenizer
{
    /// <summary>tokenize_batch for one cell, append_cls=True: (ids, values) with &lt;cls&gt;/0 at position 0.</summary>
    public static (long[] Ids, float[] Values) Tokenize(ReadOnlySpan<float> values, IReadOnlyList<int> geneIds, int clsId, bool includeZeroGene)
    {
        if (values.Length != geneIds.Count) throw new ArgumentException($"{values.Length} values but {geneIds.Count} gene ids");
        var ids = new List<long> { clsId };
        var vals = new List<float> { 0f };
        for (var i = 0; i < values.Length; i++)
        {
            if (!includeZeroGene && values[i] == 0) continue;
            ids.Add(geneIds[i]);
            vals.Add(values[i]);
        }
        return (ids.ToArray(), vals.ToArray());
    }

    /// <summary>
    /// pad_batch(cls_appended=True): length = min(longest cell, maxLen); longer cells keep &lt;cls&gt; and
    /// choice(len−1, maxLen−1, replace=False)+1 of the rest, in the drawn (unsorted) order; shorter ones get
    /// padId/padValue. Draws come from <paramref name="rng"/> in cell order, as from numpy's global generator.
    /// </summary>
    /// <param name="fixedLength">The length to pad to when the caller pads a whole set batch by batch (the tutorial pads the
    /// whole set in one call: its length is min(longest cell of the set, max_len)); null = this batch's own.</param>
    public static TokenizedBatch Pad(IReadOnlyList<(long[] Ids, float[] Values)> cells, int maxLen, int padId, float padValue, NumpyRandomState rng,
        int? fixedLength = null)
    {
        if (cells.Count == 0) throw new ArgumentException("empty batch");
        var length = fixedLength ?? Math.Min(cells.Max(c => c.Ids.Length), maxLen);
        var ids = new long[cells.Count * length];
        var vals = new float[cells.Count * length];
        var mask = new bool[cells.Count * length];
        for (var r = 0; r < cells.Count; r++)
        {
            var (cid, cval) = cells[r];
            var o = r * length;
            if (cid.Length > length)
            {
                var idx = rng.Choice(cid.Length - 1, length - 1, replace: false);
                ids[o] = cid[0];
                vals[o] = cval[0];
                for (var k = 0; k < idx.Length; k++)
                {
                    ids[o + 1 + k] = cid[idx[k] + 1];
                    vals[o + 1 + k] = cval[idx[k] + 1];
                }
            }
            else
            {
                Array.Copy(cid, 0, ids, o, cid.Length);
                Array.Copy(cval, 0, vals, o, cval.Length);
                for (var k = cid.Length; k < length; k++) { ids[o + k] = padId; vals[o + k] = padValue; }
            }
        }
        // The mask is by id, as scGPT builds it: genes missing from the vocab also carry the pad id and are masked.
        for (var i = 0; i < ids.Length; i++) mask[i] = ids[i] == padId;
        return new TokenizedBatch(cells.Count, length, ids, vals, mask);
    }
}
