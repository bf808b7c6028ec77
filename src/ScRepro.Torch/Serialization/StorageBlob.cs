namespace ScRepro.Torch.Serialization;

/// <summary>
/// One torch storage: a flat run of little-endian elements that one or more tensors view.
/// Tensors that shared a storage when saved share one <see cref="StorageBlob"/> instance after loading.
/// </summary>
public sealed class StorageBlob
{
    private byte[]? _data;
    private int _offset;
    private int _length;

    /// <summary>A storage whose bytes are already known.</summary>
    public StorageBlob(TorchDType dtype, byte[] data, string device = "cpu", string key = "")
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length % dtype.ItemSize() != 0)
        {
            throw new ArgumentException($"{data.Length} bytes is not a whole number of {dtype.Name()} elements", nameof(data));
        }
        DType = dtype;
        Device = device;
        Key = key;
        ElementCount = data.Length / dtype.ItemSize();
        _data = data;
        _length = data.Length;
    }

    /// <summary>
    /// A storage whose bytes are <paramref name="length"/> bytes of a larger array from <paramref name="offset"/> (the
    /// zip reader reads all stored records of a checkpoint into one array); the array lives as long as any of them.
    /// </summary>
    internal StorageBlob(TorchDType dtype, byte[] array, int offset, int length, string device, string key)
    {
        if ((uint)offset > (uint)array.Length || (uint)length > (uint)(array.Length - offset) || length % dtype.ItemSize() != 0)
            throw new ArgumentException($"{length} bytes at {offset} is not a whole number of {dtype.Name()} elements inside {array.Length}");
        DType = dtype;
        Device = device;
        Key = key;
        ElementCount = length / dtype.ItemSize();
        _data = array;
        _offset = offset;
        _length = length;
    }

    /// <summary>A storage whose bytes come later in the file (the legacy format stores them after the pickle).</summary>
    internal StorageBlob(TorchDType dtype, long elementCount, string device, string key)
    {
        DType = dtype;
        Device = device;
        Key = key;
        ElementCount = elementCount;
    }

    /// <summary>The storage's key in the file ("0", "1", … in zip files; an object id in legacy files).</summary>
    public string Key { get; }

    /// <summary>Where the storage lived when saved, as torch wrote it: "cpu", "cuda:0", …. Data is always read to the host.</summary>
    public string Device { get; }

    /// <summary>Element type of the storage.</summary>
    public TorchDType DType { get; }

    /// <summary>Number of elements in the whole storage (not of any one tensor viewing it).</summary>
    public long ElementCount { get; }

    /// <summary>The raw little-endian bytes of the whole storage.</summary>
    public ReadOnlySpan<byte> Bytes => Data;

    internal ReadOnlySpan<byte> Data => _data is { } d ? d.AsSpan(_offset, _length) : throw new InvalidOperationException($"storage {Key} has no data yet");

    internal bool HasData => _data is not null;

    internal void Fill(byte[] data)
    {
        _data = data;
        _offset = 0;
        _length = data.Length;
    }
}
