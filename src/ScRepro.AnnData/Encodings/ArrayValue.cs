namespace ScRepro.AnnData.Encodings;

/// <summary>
/// A 0-D or 1-D array as read from disk, before its consumer (a dataframe column, uns) decides what it becomes.
/// Values is double[] (floats), long[] (integers), bool[] or string[]; <see cref="Dtype"/> keeps numpy's name.
/// </summary>
internal sealed record ArrayValue(Array Values, long[] Shape, string Dtype)
{
    public bool IsScalar => Shape.Length == 0;
    public int Length => Values.Length;
}
