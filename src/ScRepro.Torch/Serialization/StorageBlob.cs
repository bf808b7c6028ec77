namespace ScRepro.Torch.Serialization;

/// <summary>
/// One torch storage: a flat run of little-endian elements that one or more tensors view.
/// Tensors that shared a storage when saved share one <see cref="StorageBlob"/> instance after loading.
/// </summary>
public sealed class StorageBlob
{
    private byte[]? _data;

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

    internal byte[] Data => _data ?? throw new InvalidOperationException($"storage {Key} has no data yet");

    internal bool HasData => _data is not null;

    internal void Fill(byte[] data) => _data = data;
}
