using System.Runtime.InteropServices;
using ScRepro.Torch;
using ScRepro.Torch.Serialization;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Checkpoints;

/// <summary>
/// StoredTensor (the managed torch.save reader/writer's tensors) ↔ libtorch Tensor. Lives here because neither
/// ScRepro.Torch branch had one when scGPT needed it. Float32, float16, bfloat16, float64, int64 and bool are mapped;
/// values are copied, never shared.
/// </summary>
public static class TensorBridge
{
    /// <summary>A new CPU tensor with the stored values (the view resolved into contiguous order).</summary>
    public static Tensor ToTensor(StoredTensor stored)
    {
        var bytes = stored.ContiguousBytes();
        var shape = stored.Shape.ToArray();
        return stored.DType switch
        {
            TorchDType.Float32 => tensor(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), shape, ScalarType.Float32),
            TorchDType.Float64 => tensor(MemoryMarshal.Cast<byte, double>(bytes).ToArray(), shape, ScalarType.Float64),
            TorchDType.Int64 => tensor(MemoryMarshal.Cast<byte, long>(bytes).ToArray(), shape, ScalarType.Int64),
            TorchDType.Float16 or TorchDType.BFloat16 =>
                tensor(stored.ToDoubleArray().Select(v => (float)v).ToArray(), shape, ScalarType.Float32),
            TorchDType.Bool => tensor(bytes.Select(b => b != 0).ToArray(), shape, ScalarType.Bool),
            _ => throw new NotSupportedException($"tensor dtype {stored.DTypeName} is not used by scGPT checkpoints"),
        };
    }

    /// <summary>The tensor's values (copied to the host) as a contiguous float32, float64, int64 or bool StoredTensor.</summary>
    public static StoredTensor ToStored(Tensor t)
    {
        using var scope = NewDisposeScope();
        var host = t.detach().cpu().contiguous();
        var shape = host.shape;
        switch (host.dtype)
        {
            case ScalarType.Float32:
                return StoredTensor.FromFloats(shape, host.data<float>());
            case ScalarType.Int64:
                return StoredTensor.FromLongs(shape, host.data<long>());
            case ScalarType.Float64:
                return StoredTensor.FromBytes(TorchDType.Float64, shape, MemoryMarshal.AsBytes(host.data<double>().AsSpan()).ToArray());
            case ScalarType.Bool:
                return StoredTensor.FromBytes(TorchDType.Bool, shape, host.data<bool>().Select(b => b ? (byte)1 : (byte)0).ToArray());
            case ScalarType.Float16:
            case ScalarType.BFloat16:
                return StoredTensor.FromFloats(shape, host.to(ScalarType.Float32).data<float>());
            default:
                throw new NotSupportedException($"tensor dtype {host.dtype} has no checkpoint mapping here");
        }
    }
}
