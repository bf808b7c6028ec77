namespace ScRepro.Core.Manifests;

/// <summary>
/// What one unit of a model asks a batch scheduler for (manifests/models/&lt;id&gt;.yaml, optional <c>resources:</c>);
/// null fields leave the cluster's default. The local executor ignores them. They are part of the manifest, so its
/// canonical hash: a unit moved to a GPU may train differently (fp16 autocast), so it re-runs.
/// </summary>
public sealed record ModelResources(long? Cpus, double? MemGb, long? Gpus, long? TimeMin, string? Partition)
{
    public static readonly ModelResources None = new(null, null, null, null, null);
}
