namespace ScRepro.Torch.Serialization;

/// <summary>
/// A loaded checkpoint. <see cref="Root"/> is the object tree: <see cref="TorchOrderedDict"/> (collections.OrderedDict),
/// <see cref="OrderedDictionary{TKey, TValue}"/> of object → object? (dict), <see cref="List{T}"/> of object? (list),
/// object?[] (tuple), string, long (or <see cref="System.Numerics.BigInteger"/> beyond 64 bits), double, bool, byte[],
/// null (None) and <see cref="StoredTensor"/>. A safetensors file loads as a dict of name → tensor.
/// </summary>
/// <param name="Format">Which container the bytes were in.</param>
/// <param name="Root">The unpickled object (or the safetensors dict).</param>
/// <param name="Metadata">safetensors <c>__metadata__</c> (empty for torch files).</param>
public sealed record Checkpoint(CheckpointFormat Format, object? Root, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>Every tensor in the tree, in file order, named by its keys joined with "." (list/tuple items by index).</summary>
    public IReadOnlyList<KeyValuePair<string, StoredTensor>> Tensors() => TensorTree.Flatten(Root);
}
