namespace ScRepro.Models.Scbert.Preprocessing;

/// <summary>
/// scBERT's expression tokens (SCDataset.__getitem__, annotation-models.md §2.1): the stored float32 log2 value
/// clipped at CLASS − 2 and truncated to an integer, then a 0 appended for the CLS slot. Built from the stored float32
/// values, not recomputed, because a value on a bin edge (2^k − 1 counts) floors differently after a fresh log2.
/// </summary>
public static class ExpressionTokens
{
    /// <summary>Tokens for one cell's values over the model's genes, plus the trailing CLS 0.</summary>
    public static long[] Tokenize(ReadOnlySpan<float> values, int maxBin)
    {
        var tokens = new long[values.Length + 1];
        for (var i = 0; i < values.Length; i++) tokens[i] = Token(values[i], maxBin);
        return tokens;
    }

    /// <summary>min(v, maxBin) truncated toward zero, as torch's <c>.long()</c> of the clipped float.</summary>
    public static long Token(float value, int maxBin)
    {
        if (float.IsNaN(value)) throw new ArgumentException("an expression value is NaN");
        if (value > maxBin) value = maxBin;
        return (long)value;
    }
}
