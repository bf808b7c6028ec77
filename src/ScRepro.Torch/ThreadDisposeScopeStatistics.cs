namespace ScRepro.Torch;

/// <summary>Per-thread tensor counters (TorchSharp's names), for leak checks in tests.</summary>
public sealed class ThreadDisposeScopeStatistics
{
    public long CreatedInScopeCount { get; internal set; }
    public long CreatedOutsideScopeCount { get; internal set; }
    public long DisposedInScopeCount { get; internal set; }
    public long DisposedOutsideScopeCount { get; internal set; }

    /// <summary>Tensors created on this thread and not yet disposed.</summary>
    public long ThreadTotalLiveCount => CreatedInScopeCount + CreatedOutsideScopeCount - DisposedInScopeCount - DisposedOutsideScopeCount;

    public void Reset()
    {
        CreatedInScopeCount = CreatedOutsideScopeCount = DisposedInScopeCount = DisposedOutsideScopeCount = 0;
    }
}
