using ScRepro.Foundation.Errors;
using ScRepro.Pickle;

namespace ScRepro.Torch.Serialization.Pickle;

/// <summary>
/// What a checkpoint pickle may name, for the project's one <see cref="Unpickler"/>: the globals torch.save writes for
/// tensors and containers, each "called" by a fixed managed constructor (<see cref="TorchRebuild"/>), and torch's
/// persistent ids for storages. Everything else (os.system, builtins.eval, subprocess.Popen, …) is refused by name.
/// </summary>
internal sealed class TorchAllowList(Func<object?[], StorageBlob> persistentLoad) : PickleAllowList
{
    private static readonly HashSet<string> Callables =
    [
        "collections.OrderedDict",
        "torch._utils._rebuild_tensor",
        "torch._utils._rebuild_tensor_v2",
        "torch._utils._rebuild_parameter",
        "torch._utils._rebuild_parameter_with_state",
        "torch.Size",
        "torch.device",
    ];

    public override string FileKind => "checkpoint";

    protected override string Purpose => "a checkpoint may only name tensor and container types";

    public override bool Allows(string module, string name) => Callables.Contains(module + "." + name) || IsStorageClass(module, name, out _);

    public override string Refusal(string module, string name, string source) =>
        // A real torch storage type, just not one we convert (complex, quantized, …): say so rather than "refused".
        module == "torch" && name.EndsWith("Storage", StringComparison.Ordinal)
            ? $"unsupported tensor storage torch.{name} in {source}: supported dtypes are float32, float16, bfloat16, float64, int64, int32, int16, int8, uint8 and bool"
            : base.Refusal(module, name, source);

    public override object? Call(PickleGlobal fn, object?[] args) => TorchRebuild.Call(fn, args);

    public override bool Build(object? target, object? state)
    {
        switch (target)
        {
            case TorchOrderedDict od:
                od.State = state;   // state dicts carry {'_metadata': …} here
                return true;
            case StoredTensor:
                return true;        // parameter/tensor python attributes (torch ≥ 2 _rebuild_parameter_with_state) are not needed
            default:
                return false;
        }
    }

    public override object? PersistentLoad(object?[] pid) => persistentLoad(pid);

    /// <summary>torch.FloatStorage etc. (what torch.save pickles), plus the untyped-storage classes of torch ≥ 1.13.</summary>
    public static bool IsStorageClass(string module, string name, out TorchDType dtype)
    {
        if (module == "torch" && TorchDTypes.TryFromStorageClass(name, out dtype)) return true;
        // An untyped storage is bytes; torch pickles tensors with typed storages, so this only appears for raw storages.
        if ((module == "torch" || module == "torch.storage") && name == "UntypedStorage")
        {
            dtype = TorchDType.UInt8;
            return true;
        }
        dtype = default;
        return false;
    }
}
