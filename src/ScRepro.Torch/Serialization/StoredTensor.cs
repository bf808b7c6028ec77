using System.Buffers.Binary;

namespace ScRepro.Torch.Serialization;

/// <summary>
/// A tensor as torch.save stores it: a view (shape, strides, offset) into a possibly shared <see cref="StorageBlob"/>.
/// Nothing is copied on load, so views and shared storages survive a read-write round trip.
/// </summary>
public sealed class StoredTensor
{
    /// <summary>A view of <paramref name="storage"/>; throws if the view reaches outside the storage.</summary>
    public StoredTensor(StorageBlob storage, long storageOffset, IReadOnlyList<long> shape, IReadOnlyList<long> strides, bool requiresGrad = false)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (shape.Count != strides.Count)
        {
            throw new ArgumentException($"shape has {shape.Count} dims but strides has {strides.Count}");
        }
        if (storageOffset < 0) throw new ArgumentException($"negative storage offset {storageOffset}");
        long last = storageOffset;
        var empty = false;
        try
        {
            // checked: a hostile shape must not wrap around and pass the bounds test.
            for (var d = 0; d < shape.Count; d++)
            {
                if (shape[d] < 0) throw new ArgumentException($"negative size {shape[d]} in dim {d}");
                if (strides[d] < 0) throw new ArgumentException($"negative stride {strides[d]} in dim {d}");
                if (shape[d] == 0) empty = true;
                else last = checked(last + (shape[d] - 1) * strides[d]);
            }
            long count = 1;
            foreach (var s in shape) count = checked(count * s);
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] with strides [{string.Join(", ", strides)}] overflows 64 bits");
        }
        if (!empty && last >= storage.ElementCount)
        {
            throw new ArgumentException(
                $"view (offset {storageOffset}, shape [{string.Join(", ", shape)}], strides [{string.Join(", ", strides)}]) " +
                $"reaches element {last} of a storage with {storage.ElementCount} elements");
        }
        Storage = storage;
        StorageOffset = storageOffset;
        Shape = shape.ToArray();
        Strides = strides.ToArray();
        RequiresGrad = requiresGrad;
    }

    /// <summary>The storage this tensor views (shared with other tensors when they shared it in torch).</summary>
    public StorageBlob Storage { get; }

    /// <summary>Element type (the storage's).</summary>
    public TorchDType DType => Storage.DType;

    /// <summary>dtype as torch names it without the prefix: "float32", "bfloat16", "int64", "bool", ….</summary>
    public string DTypeName => DType.Name();

    /// <summary>Sizes per dimension; empty for a 0-dim tensor.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Strides per dimension, in elements.</summary>
    public IReadOnlyList<long> Strides { get; }

    /// <summary>Offset of element [0,…,0] in the storage, in elements.</summary>
    public long StorageOffset { get; }

    /// <summary>requires_grad as saved (true for nn.Parameter objects pickled whole).</summary>
    public bool RequiresGrad { get; }

    /// <summary>Device string of the storage at save time ("cpu", "cuda:0").</summary>
    public string Device => Storage.Device;

    /// <summary>Number of elements of the view (1 for a 0-dim tensor).</summary>
    public long ElementCount
    {
        get
        {
            long n = 1;
            foreach (var s in Shape) n *= s;
            return n;
        }
    }

    /// <summary>True when the view is row-major without gaps (offset may be non-zero).</summary>
    public bool IsContiguous
    {
        get
        {
            long expected = 1;
            for (var d = Shape.Count - 1; d >= 0; d--)
            {
                if (Shape[d] == 1) continue;   // torch ignores strides of size-1 dims
                if (Strides[d] != expected) return false;
                expected *= Shape[d];
            }
            return true;
        }
    }

    /// <summary>Row-major strides for <paramref name="shape"/>.</summary>
    public static long[] ContiguousStrides(IReadOnlyList<long> shape)
    {
        var strides = new long[shape.Count];
        long s = 1;
        for (var d = shape.Count - 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= Math.Max(shape[d], 1);
        }
        return strides;
    }

    /// <summary>A new contiguous tensor over its own storage.</summary>
    public static StoredTensor FromBytes(TorchDType dtype, IReadOnlyList<long> shape, byte[] data, string device = "cpu", bool requiresGrad = false)
    {
        long n = 1;
        foreach (var s in shape) n *= s;
        if (data.Length != n * dtype.ItemSize())
        {
            throw new ArgumentException($"{data.Length} bytes do not hold {n} {dtype.Name()} elements");
        }
        return new StoredTensor(new StorageBlob(dtype, data, device), 0, shape, ContiguousStrides(shape), requiresGrad);
    }

    /// <summary>A float32 tensor from values in row-major order.</summary>
    public static StoredTensor FromFloats(IReadOnlyList<long> shape, ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        return FromBytes(TorchDType.Float32, shape, bytes);
    }

    /// <summary>A tensor of <paramref name="dtype"/> from values in row-major order (rounded/truncated as a cast would).</summary>
    public static StoredTensor FromDoubles(TorchDType dtype, IReadOnlyList<long> shape, ReadOnlySpan<double> values)
    {
        var size = dtype.ItemSize();
        var bytes = new byte[values.Length * size];
        for (var i = 0; i < values.Length; i++) ElementCodec.Write(dtype, bytes.AsSpan(i * size), values[i]);
        return FromBytes(dtype, shape, bytes);
    }

    /// <summary>An int64 tensor from values in row-major order.</summary>
    public static StoredTensor FromLongs(IReadOnlyList<long> shape, ReadOnlySpan<long> values)
    {
        var bytes = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
        return FromBytes(TorchDType.Int64, shape, bytes);
    }

    /// <summary>Storage element indices of the view, in logical row-major order.</summary>
    public IEnumerable<long> StorageIndices()
    {
        var n = ElementCount;
        if (n == 0) yield break;
        var rank = Shape.Count;
        var index = new long[rank];
        var pos = StorageOffset;
        for (long i = 0; i < n; i++)
        {
            yield return pos;
            for (var d = rank - 1; d >= 0; d--)
            {
                index[d]++;
                pos += Strides[d];
                if (index[d] < Shape[d]) break;
                pos -= Shape[d] * Strides[d];
                index[d] = 0;
            }
        }
    }

    /// <summary>The view's elements in logical row-major order, each converted to double (bool → 0/1).</summary>
    public double[] ToDoubleArray()
    {
        if (ElementCount > Array.MaxLength) throw new InvalidOperationException($"{ElementCount} elements do not fit in one array");
        var result = new double[ElementCount];
        if (result.Length == 0) return result;
        var data = Storage.Data;
        if (Shape.Count == 0 || IsContiguous)
        {
            ElementCodec.ReadDoubles(DType, data, StorageOffset, 1, result);
            return result;
        }
        // Walk the rows (all dims but the last) and convert each row with the last dim's stride.
        var rank = Shape.Count;
        var rowLength = (int)Shape[rank - 1];
        var index = new long[rank - 1];
        var pos = StorageOffset;
        for (var o = 0; o < result.Length; o += rowLength)
        {
            ElementCodec.ReadDoubles(DType, data, pos, Strides[rank - 1], result.AsSpan(o, rowLength));
            for (var d = rank - 2; d >= 0; d--)
            {
                index[d]++;
                pos += Strides[d];
                if (index[d] < Shape[d]) break;
                pos -= Shape[d] * Strides[d];
                index[d] = 0;
            }
        }
        return result;
    }

    /// <summary>The storage element at <paramref name="storageIndex"/> widened to double (exact for floating dtypes).</summary>
    internal double ReadDouble(long storageIndex)
    {
        Span<double> one = stackalloc double[1];
        ElementCodec.ReadDoubles(DType, Storage.Data, storageIndex, 1, one);
        return one[0];
    }

    /// <summary>The storage element at <paramref name="storageIndex"/> as an exact long; only for integer and bool dtypes.</summary>
    internal long ReadLong(long storageIndex)
    {
        var size = DType.ItemSize();
        return ElementCodec.ReadLong(DType, Storage.Data.Slice((int)(storageIndex * size), size));
    }

    /// <summary>The view's raw bytes in logical row-major order (what a contiguous copy would hold).</summary>
    public byte[] ContiguousBytes()
    {
        var size = DType.ItemSize();
        var data = Storage.Data;
        if (IsContiguous)
        {
            return data.Slice((int)(StorageOffset * size), (int)(ElementCount * size)).ToArray();
        }
        if (ElementCount * size > Array.MaxLength) throw new InvalidOperationException($"{ElementCount} elements do not fit in one array");
        var result = new byte[ElementCount * size];
        var o = 0;
        foreach (var pos in StorageIndices())
        {
            data.Slice((int)(pos * size), size).CopyTo(result.AsSpan(o));
            o += size;
        }
        return result;
    }

    /// <summary>A contiguous copy over a fresh storage of exactly its elements (same device string and requires_grad).</summary>
    public StoredTensor Contiguous() =>
        new(new StorageBlob(DType, ContiguousBytes(), Device), 0, Shape, ContiguousStrides(Shape), RequiresGrad);

    /// <inheritdoc />
    public override string ToString() => $"tensor({DTypeName}, [{string.Join(", ", Shape)}], {Device})";
}
