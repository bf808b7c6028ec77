namespace ScRepro.Models.Scgpt.Preprocessing;

/// <summary>
/// A padded batch in row-major flat arrays, ready to become (B, S) tensors: int64 vocab ids, float32 values,
/// and the key padding mask (true = pad, as src_key_padding_mask = gene_ids == vocab["&lt;pad&gt;"]).
/// </summary>
public sealed record TokenizedBatch(int BatchSize, int Length, long[] GeneIds, float[] Values, bool[] PaddingMask)
{
    public long GeneId(int row, int pos) => GeneIds[row * Length + pos];
    public float Value(int row, int pos) => Values[row * Length + pos];
}
