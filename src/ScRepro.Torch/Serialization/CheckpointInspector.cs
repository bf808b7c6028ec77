using ScRepro.Foundation.Errors;

namespace ScRepro.Torch.Serialization;

/// <summary>Summarises a checkpoint's tensors (names, dtypes, shapes, sums, first values) for inspection and tests.</summary>
public static class CheckpointInspector
{
    /// <summary>Reads <paramref name="path"/> (any supported format) and summarises it.</summary>
    public static CheckpointSummary Inspect(string path)
    {
        try
        {
            return Summarise(TorchCheckpoint.Read(path));
        }
        catch (ArgumentException e)
        {
            throw new ScReproException($"unsupported checkpoint {path}: {e.Message}", inner: e);
        }
    }

    /// <summary>Summarises an already loaded checkpoint.</summary>
    public static CheckpointSummary Summarise(Checkpoint checkpoint)
    {
        var format = checkpoint.Format switch
        {
            CheckpointFormat.Zip => "zip",
            CheckpointFormat.Legacy => "legacy",
            _ => "safetensors",
        };
        // Each tensor's sum is its own sequential loop, so tensors are summed side by side (the order of the
        // summaries, and every sum's bits, stay those of one thread).
        var tensors = checkpoint.Tensors().ToList();
        var summaries = new TensorSummary[tensors.Count];
        Parallel.For(0, tensors.Count, i => summaries[i] = Summarise(tensors[i].Key, tensors[i].Value));
        return new CheckpointSummary(format, summaries);
    }

    /// <summary>One tensor's summary.</summary>
    public static TensorSummary Summarise(string name, StoredTensor t)
    {
        var first = new List<object>(3);
        foreach (var pos in t.StorageIndices().Take(3))
        {
            // Floating values widen exactly to double (python's tolist()); integers stay exact longs (an int64
            // past 2^53 would not survive a trip through double).
            first.Add(t.DType.IsFloatingPoint() ? (object)t.ReadDouble(pos) : t.ReadLong(pos)); // object: a bare ternary would make both double
        }
        return new TensorSummary(name, t.DTypeName, t.Shape, Sum(t), first);
    }

    /// <summary>
    /// <see cref="NeumaierSum"/>'s float64 sum. A contiguous float32 view (nearly every weight) is summed straight from
    /// its stored bytes; anything else is widened to double in logical order first and summed the same way.
    /// </summary>
    private static double Sum(StoredTensor t)
    {
        if (t.DType == TorchDType.Float32 && (t.Shape.Count == 0 || t.IsContiguous))
            return NeumaierSum.OfFloat32(t.Storage.Bytes.Slice(checked((int)(t.StorageOffset * 4)), checked((int)(t.ElementCount * 4))));
        return NeumaierSum.OfDoubles(t.ToDoubleArray());
    }
}
