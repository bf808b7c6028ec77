using System.Runtime.InteropServices;
using ScRepro.Foundation.Errors;

namespace ScRepro.Foundation.IO;

/// <summary>
/// Paths checked on the file system, not only as strings: a symbolic link inside a data folder could otherwise lead
/// a read, or a download's write, anywhere. The folder itself may be a link (data/ on another disk is common); what
/// is inside may not lead out of it.
/// </summary>
public static partial class RealPath
{
    /// <summary>The canonical path (every link resolved), or null when <paramref name="path"/> does not exist.</summary>
    public static string? Of(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return File.Exists(path) || Directory.Exists(path) ? Path.GetFullPath(path) : null;
        var p = NativeRealPath(path, IntPtr.Zero);
        if (p == IntPtr.Zero) return null;
        try
        {
            return Marshal.PtrToStringUTF8(p);
        }
        finally
        {
            Free(p);
        }
    }

    /// <summary>
    /// Throws when <paramref name="full"/> (a path under <paramref name="root"/> that passed the string checks) leads
    /// outside <paramref name="root"/> through a symbolic link, or runs into a dangling link (a write would follow it
    /// who knows where). The part of the path that does not exist yet is fine: it will be made inside.
    /// </summary>
    public static void CheckInside(string root, string full, string what)
    {
        var rootReal = Of(root);
        if (rootReal is null) return; // nothing exists yet, so nothing can point out
        var probe = Path.GetFullPath(full);
        var rootFull = Path.GetFullPath(root).TrimEnd('/');
        while (!(File.Exists(probe) || Directory.Exists(probe)))
        {
            if (new FileInfo(probe).LinkTarget is { } dangling)
                throw new ScReproException($"{what}: {probe} is a symbolic link to '{dangling}', which does not exist; remove it");
            var parent = Path.GetDirectoryName(probe);
            if (parent is null || parent.Length < rootFull.Length) return;
            probe = parent;
        }
        // .NET reports a dangling link as an existing file; realpath does not resolve it.
        var real = Of(probe);
        if (real is null)
            throw new ScReproException($"{what}: {probe} is a symbolic link to '{new FileInfo(probe).LinkTarget}', which does not exist; remove it");
        if (real != rootReal && !real.StartsWith(rootReal.TrimEnd('/') + "/", StringComparison.Ordinal))
            throw new ScReproException(
                $"{what}: {Path.GetRelativePath(rootFull, probe)} leads outside {rootFull} through a symbolic link (to {real}); data files must be inside their dataset folder");
    }

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr NativeRealPath(string path, IntPtr resolved);

    [LibraryImport("libc", EntryPoint = "free")]
    private static partial void Free(IntPtr p);
}
