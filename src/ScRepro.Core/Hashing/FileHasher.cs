using System.Buffers;
using System.Security.Cryptography;

namespace ScRepro.Core.Hashing;

/// <summary>Streaming SHA-256 of files: constant memory whatever the file size (Norman's h5ad is 2.2 GB).</summary>
public static class FileHasher
{
    /// <summary>1 MiB reads: large enough that syscalls do not dominate, small enough to stay out of the LOH churn.</summary>
    public const int BufferSize = 1 << 20;

    /// <summary>Lower-case hex SHA-256 of the file's bytes; <paramref name="progress"/> receives bytes read per chunk.</summary>
    public static string Sha256(string path, Action<long>? progress = null, CancellationToken cancellation = default)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Sha256(stream, progress, cancellation);
    }

    /// <summary>Lower-case hex SHA-256 of the rest of <paramref name="stream"/>, read in <see cref="BufferSize"/> chunks.</summary>
    public static string Sha256(Stream stream, Action<long>? progress = null, CancellationToken cancellation = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, BufferSize)) > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                hash.AppendData(buffer, 0, read);
                progress?.Invoke(read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Lower-case hex SHA-256 of a byte span (manifests, canonical forms).</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>True when <paramref name="value"/> is 64 lower-case hex digits, the only form lock files and manifests use.</summary>
    public static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
