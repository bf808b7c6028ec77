using ScRepro.Foundation.Errors;

namespace ScRepro.Torch.Serialization.Pickle;

/// <summary>
/// The only globals a checkpoint pickle may name, and what "calling" each one means here. Everything else
/// (os.system, builtins.eval, subprocess.Popen, …) is refused when the GLOBAL opcode is read, before anything
/// could use it. Nothing is ever imported or executed: each allowed name maps to a fixed managed constructor.
/// </summary>
internal static class AllowedGlobals
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

    /// <summary>Python 2 module names that protocol-2 pickles use for Python 3 modules (pickle's fix_imports map).</summary>
    private static readonly Dictionary<string, string> Py2Modules = new()
    {
        ["__builtin__"] = "builtins",
        ["copy_reg"] = "copyreg",
        ["Queue"] = "queue",
        ["cPickle"] = "pickle",
        ["commands"] = "subprocess",
    };

    /// <summary>Returns the global if allowed; otherwise throws naming it (as Python would resolve it).</summary>
    public static PickleGlobal Resolve(string module, string name, string source)
    {
        var full = module + "." + name;
        if (Callables.Contains(full) || IsStorageClass(module, name, out _))
        {
            return new PickleGlobal(module, name);
        }
        if (module == "torch" && name.EndsWith("Storage", StringComparison.Ordinal))
        {
            // A real torch storage type, just not one we convert (complex, quantized, …): say so rather than "refused".
            throw new ScReproException($"unsupported tensor storage torch.{name} in {source}: supported dtypes are float32, float16, bfloat16, float64, int64, int32, int16, int8, uint8 and bool");
        }
        var shown = Py2Modules.TryGetValue(module, out var py3) ? $"{py3}.{name} (written as {full})" : full;
        throw new ScReproException($"refused pickle global {shown} in {source}: a checkpoint may only name tensor and container types");
    }

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
