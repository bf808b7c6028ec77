using ScRepro.Pickle;

namespace ScRepro.Torch.Serialization.Pickle;

/// <summary>What REDUCE of each allowed global builds: the managed stand-ins for torch's rebuild functions.</summary>
internal static class TorchRebuild
{
    public static object? Call(PickleGlobal fn, object?[] args)
    {
        switch (fn.FullName)
        {
            case "collections.OrderedDict":
                return OrderedDict(args);
            case "torch._utils._rebuild_tensor_v2":
                // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
                if (args.Length < 6) throw new ArgumentException($"expected 6 or 7 arguments, got {args.Length}");
                return Tensor(args[0], args[1], args[2], args[3], AsBool(args[4], "requires_grad"));
            case "torch._utils._rebuild_tensor":
                // (storage, storage_offset, size, stride): torch < 1.0
                if (args.Length != 4) throw new ArgumentException($"expected 4 arguments, got {args.Length}");
                return Tensor(args[0], args[1], args[2], args[3], false);
            case "torch._utils._rebuild_parameter":
            case "torch._utils._rebuild_parameter_with_state":
                // (data, requires_grad, backward_hooks[, state]): an nn.Parameter pickled whole; python attributes in state are dropped
                if (args.Length is not (3 or 4) || args[0] is not StoredTensor data) throw new ArgumentException("expected (tensor, requires_grad, hooks[, state])");
                var requiresGrad = AsBool(args[1], "requires_grad");
                return new StoredTensor(data.Storage, data.StorageOffset, data.Shape, data.Strides, requiresGrad);
            case "torch.Size":
                // torch.Size is a tuple subclass: keep it as the tuple.
                if (args.Length == 0) return Array.Empty<object?>();
                return args[0] is object?[] dims && args.Length == 1 ? dims : throw new ArgumentException("expected one tuple");
            case "torch.device":
                // ('cuda', 0) → "cuda:0"; ('cpu',) or ('cuda:1',) as given.
                if (args.Length == 1 && args[0] is string d) return d;
                if (args.Length == 2 && args[0] is string t && args[1] is long i) return $"{t}:{i}";
                throw new ArgumentException("expected (type[, index])");
            default:
                // Storage classes are only valid inside a persistent id, never called.
                throw new ArgumentException("this global cannot be called");
        }
    }

    private static TorchOrderedDict OrderedDict(object?[] args)
    {
        var dict = new TorchOrderedDict();
        if (args.Length == 0) return dict;
        if (args.Length == 1 && args[0] is List<object?> pairs)
        {
            foreach (var p in pairs)
            {
                if (p is object?[] { Length: 2 } kv && kv[0] is not null) dict[kv[0]!] = kv[1];
                else throw new ArgumentException("expected a list of (key, value) pairs");
            }
            return dict;
        }
        throw new ArgumentException("unsupported constructor arguments");
    }

    private static StoredTensor Tensor(object? storage, object? offset, object? size, object? stride, bool requiresGrad)
    {
        if (storage is not StorageBlob blob) throw new ArgumentException("first argument is not a storage");
        var off = AsLong(offset, "storage_offset");
        var shape = AsLongs(size, "size");
        var strides = AsLongs(stride, "stride");
        return new StoredTensor(blob, off, shape, strides, requiresGrad);
    }

    private static long AsLong(object? v, string what) => v is long l ? l : throw new ArgumentException($"{what} is not an int");

    private static bool AsBool(object? v, string what) => v is bool b ? b : throw new ArgumentException($"{what} is not a bool");

    private static long[] AsLongs(object? v, string what)
    {
        if (v is not object?[] items) throw new ArgumentException($"{what} is not a tuple");
        var result = new long[items.Length];
        for (var i = 0; i < items.Length; i++) result[i] = AsLong(items[i], what);
        return result;
    }
}
