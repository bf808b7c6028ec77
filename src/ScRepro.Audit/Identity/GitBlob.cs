using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ScRepro.Audit.Identity;

/// <summary>
/// A file's git object id as git (and the Hub's `oid`/`blobId`) computes it: sha1("blob &lt;size&gt;\0" + bytes)
/// (huggingface_hub utils/sha.py git_hash). For an LFS file the Hub's git oid is that of the pointer text.
/// </summary>
public static class GitBlob
{
    /// <summary>Lower-case hex git blob sha1 of a file, streamed.</summary>
    public static string Sha1(string path)
    {
        using var stream = File.OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        hash.AppendData(Encoding.ASCII.GetBytes($"blob {stream.Length}\0"));
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) hash.AppendData(buffer, 0, n);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Git blob sha1 of bytes in memory (an LFS pointer).</summary>
    public static string Sha1(ReadOnlySpan<byte> bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        hash.AppendData(Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"));
        hash.AppendData(bytes);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
