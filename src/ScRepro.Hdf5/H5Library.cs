using System.Runtime.InteropServices;
using System.Text;
using ScRepro.Hdf5.Native;

namespace ScRepro.Hdf5;

/// <summary>
/// Library-wide setup and error capture. HDF5 prints its error stack to stderr by default; that is switched off
/// (per thread: Debian's build is thread-safe, which makes the error stack and its auto-print setting thread-local)
/// and the stack is turned into an <see cref="Hdf5Exception"/> instead.
/// </summary>
internal static unsafe class H5Library
{
    [ThreadStatic] private static bool _silenced;

    /// <summary>Initialises the library and silences automatic error printing on this thread.</summary>
    public static void Ensure()
    {
        _ = Hdf5Loader.Current;      // finds the library (or fails naming every candidate) before any P/Invoke
        _ = H5Globals.NativeFloat;   // runs H5open once
        if (_silenced) return;
        H5Native.H5Eset_auto2(H5Native.H5E_DEFAULT, null, null);
        _silenced = true;
    }

    /// <summary>Throws when an HDF5 call returned a negative status or id.</summary>
    public static long Check(long result, string file, string path, string what)
    {
        if (result < 0) throw Fail(file, path, what);
        return result;
    }

    /// <summary>An exception for the failed call, with HDF5's innermost and outermost messages.</summary>
    public static Hdf5Exception Fail(string file, string path, string what)
    {
        var messages = new List<string>();
        var handle = GCHandle.Alloc(messages);
        try
        {
            H5Native.H5Ewalk2(H5Native.H5E_DEFAULT, H5Native.H5E_WALK_UPWARD, &Collect, (void*)GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }
        H5Native.H5Eclear2(H5Native.H5E_DEFAULT);
        var detail = messages.Count switch
        {
            0 => "",
            1 => $" ({messages[0]})",
            _ => $" ({messages[0]}; {messages[^1]})",
        };
        return new Hdf5Exception(file, path, what + detail);
    }

    [UnmanagedCallersOnly]
    private static int Collect(uint n, H5Native.H5E_error2_t* err, void* data)
    {
        var list = (List<string>)GCHandle.FromIntPtr((IntPtr)data).Target!;
        if (err->desc is not null)
        {
            var text = Marshal.PtrToStringUTF8((IntPtr)err->desc);
            if (!string.IsNullOrWhiteSpace(text)) list.Add(text);
        }
        return 0;
    }

    /// <summary>A NUL-terminated UTF-8 copy of <paramref name="s"/> for native calls.</summary>
    public static byte[] Utf8(string s)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(s) + 1];
        Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }
}
