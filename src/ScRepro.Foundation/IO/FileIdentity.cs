using System.Runtime.InteropServices;

namespace ScRepro.Foundation.IO;

/// <summary>
/// What identifies one version of a file without reading it: size, mtime, ctime and inode (git's index and dvc's
/// state use the same). mtime alone can be set back by anyone (<c>touch -r</c>, an archive extractor); ctime and the
/// inode cannot, and a file replaced by rename gets a new inode. On Linux this is statx(2), whose struct layout is
/// the same on every architecture; elsewhere inode and ctime fall back to 0 and the mtime.
/// </summary>
public readonly partial record struct FileIdentity(long Size, long MtimeNs, long CtimeNs, ulong Inode)
{
    /// <summary>The identity of the file at <paramref name="path"/> (symlinks followed), or null when there is none.</summary>
    public static FileIdentity? Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            Span<byte> buffer = stackalloc byte[256];
            if (Statx(AtFdCwd, path, 0, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0) return null;
            if ((MemoryMarshal.Read<ushort>(buffer[28..]) & 0xF000) != 0x8000) return null; // not a regular file
            return new FileIdentity(
                (long)ReadU64(buffer, 40),
                Nanoseconds(buffer, 112),
                Nanoseconds(buffer, 96),
                ReadU64(buffer, 32));
        }
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        var mtime = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100;
        return new FileIdentity(info.Length, mtime, mtime, 0);
    }

    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;

    // statx fields are in the machine's own byte order.
    private static ulong ReadU64(ReadOnlySpan<byte> b, int offset) => MemoryMarshal.Read<ulong>(b[offset..]);

    private static long Nanoseconds(ReadOnlySpan<byte> b, int offset) =>
        MemoryMarshal.Read<long>(b[offset..]) * 1_000_000_000L + MemoryMarshal.Read<uint>(b[(offset + 8)..]);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, ref byte buffer);
}
