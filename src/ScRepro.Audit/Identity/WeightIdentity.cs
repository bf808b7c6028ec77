using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ScRepro.Torch.Serialization;

namespace ScRepro.Audit.Identity;

/// <summary>
/// An identity of a checkpoint's weights that survives re-saving (other zip timestamps, archive names, storage order,
/// views): sha256 over the tensors in ordinal name order, each as its UTF-8 name, NUL, dtype name (torch's, e.g.
/// "float32"), NUL, the shape as decimal sizes joined by ",", NUL, the byte count as 8 little-endian bytes, then the
/// contiguous little-endian element bytes.
/// </summary>
public static class WeightIdentity
{
    /// <summary>The weights sha256 of a loaded state dict.</summary>
    public static string Sha256(IEnumerable<KeyValuePair<string, StoredTensor>> tensors)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var (name, tensor) in tensors.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\0{tensor.DTypeName}\0{string.Join(",", tensor.Shape)}\0"));
            var bytes = tensor.ContiguousBytes();
            BinaryPrimitives.WriteInt64LittleEndian(length, bytes.LongLength);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
