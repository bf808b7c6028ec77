using System.Buffers.Binary;
using Xunit;

namespace ScRepro.Testing;

/// <summary>
/// The PNG facts a test can check without comparing pixels: the 8-byte signature, and the IHDR chunk that must come
/// first (length 13) with the image's width and height (PNG spec, ISO/IEC 15948 §5.2, §11.2.2).
/// </summary>
public static class PngHeader
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The width and height of a valid PNG; fails the test when the signature or IHDR is not there.</summary>
    public static (int Width, int Height) Size(byte[] png)
    {
        Assert.True(png.Length > 33, $"{png.Length} bytes is too short for a PNG");
        Assert.Equal(Signature, png.Take(8));
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8)));
        Assert.Equal("IHDR"u8.ToArray(), png.Skip(12).Take(4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
