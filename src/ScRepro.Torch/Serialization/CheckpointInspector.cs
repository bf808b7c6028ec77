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
        return new CheckpointSummary(format, checkpoint.Tensors().Select(p => Summarise(p.Key, p.Value)).ToList());
    }

    /// <summary>One tensor's summary.</summary>
    public static TensorSummary Summarise(string name, StoredTensor t)
    {
        var values = t.ToDoubleArray();
        var first = new List<object>(3);
        if (t.DType.IsFloatingPoint())
        {
            foreach (var v in values.Take(3)) first.Add(v);
        }
        else
        {
            // Exact integers (an int64 past 2^53 would not survive a trip through double).
            foreach (var pos in t.StorageIndices().Take(3)) first.Add(t.ReadLong(pos));
        }
        return new TensorSummary(name, t.DTypeName, t.Shape, NeumaierSum(values), first);
    }

    /// <summary>Compensated summation: closer to torch's pairwise double sum than a naive loop.</summary>
    private static double NeumaierSum(double[] values)
    {
        double sum = 0, c = 0;
        foreach (var v in values)
        {
            var t = sum + v;
            c += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + c;
    }
}
