namespace ScRepro.Pickle;

/// <summary>
/// Bounds on what one pickle may build, so a few hostile bytes cannot take the machine: sizes count every reference
/// (a list shared through the memo 2^30 times counts 2^30 times, as any walk of the result would), so a memo bomb is
/// refused while it is built, not when a reader later expands it.
/// </summary>
/// <param name="MaxObjects">Objects reachable from the result, counting each reference.</param>
/// <param name="MaxBytes">Bytes of str/bytes reachable from the result, counting each reference.</param>
/// <param name="MaxMemo">Memo entries.</param>
/// <param name="MaxDepth">Nesting depth of containers.</param>
public sealed record PickleLimits(long MaxObjects = 50_000_000, long MaxBytes = 1L << 31, int MaxMemo = 10_000_000, int MaxDepth = 200)
{
    public static PickleLimits Default { get; } = new();
}
