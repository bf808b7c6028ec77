namespace ScRepro.Torch.Serialization;

/// <summary>
/// A <c>collections.OrderedDict</c> from a checkpoint (state dicts are one). Plain Python dicts load as
/// <see cref="OrderedDictionary{TKey, TValue}"/>; this subclass remembers the difference so a round trip writes
/// the same type back, plus the attribute state torch sets on state dicts (<c>_metadata</c>).
/// </summary>
public sealed class TorchOrderedDict : OrderedDictionary<object, object?>
{
    /// <summary>The BUILD state pickled with the dict, e.g. <c>{'_metadata': …}</c>; null when none.</summary>
    public object? State { get; set; }
}
