namespace ScRepro.Torch.Serialization;

/// <summary>The <c>screpro checkpoint inspect --json</c> object.</summary>
/// <param name="Format">"zip", "legacy" or "safetensors".</param>
/// <param name="Tensors">Every tensor in file order.</param>
public sealed record CheckpointSummary(string Format, IReadOnlyList<TensorSummary> Tensors);
