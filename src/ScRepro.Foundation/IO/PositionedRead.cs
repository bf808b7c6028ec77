using Microsoft.Win32.SafeHandles;

namespace ScRepro.Foundation.IO;

/// <summary>
/// Exactly <c>into.Length</c> bytes from <paramref name="offset"/> of an open file (pread: no shared file position,
/// so several threads may read one handle at once), or <see cref="EndOfStreamException"/> when the file ends first.
/// </summary>
public static class PositionedRead
{
    /// <param name="what">What is being read, for the error: "record data/0", "chunk at offset 4096" ….</param>
    public static void Exactly(SafeFileHandle file, long offset, Span<byte> into, string what)
    {
        while (into.Length > 0)
        {
            var n = RandomAccess.Read(file, into, offset);
            if (n == 0) throw new EndOfStreamException($"the {what} is truncated: the file ends at byte {offset}");
            offset += n;
            into = into[n..];
        }
    }
}
