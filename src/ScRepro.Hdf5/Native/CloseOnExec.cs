using System.Runtime.InteropServices;

namespace ScRepro.Hdf5.Native;

/// <summary>
/// Marks HDF5's file descriptor close-on-exec. libhdf5 opens files without O_CLOEXEC and takes a flock() on them;
/// a process started (Process.Start) while a file is open inherits the descriptor, and with it the lock, for as
/// long as it runs, so reopening the file for writing fails with "unable to lock file, errno = 11" even after we
/// closed it. .NET marks its own descriptors close-on-exec; this does the same for the library's.
/// </summary>
internal static unsafe partial class CloseOnExec
{
    private const int F_GETFD = 1, F_SETFD = 2, FD_CLOEXEC = 1;

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int cmd, int arg);

    /// <summary>Sets FD_CLOEXEC on the descriptor of an open sec2-driver file; other drivers are left alone.</summary>
    public static void Apply(long fileId)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        void* handle = null;
        if (H5Native.H5Fget_vfd_handle(fileId, H5Native.H5P_DEFAULT, &handle) < 0 || handle is null)
        {
            H5Native.H5Eclear2(H5Native.H5E_DEFAULT);
            return;
        }
        var fd = *(int*)handle;
        var flags = Fcntl(fd, F_GETFD, 0);
        if (flags >= 0 && (flags & FD_CLOEXEC) == 0) Fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    }
}
