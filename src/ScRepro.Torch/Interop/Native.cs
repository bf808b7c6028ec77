using System.Runtime.InteropServices;

namespace ScRepro.Torch.Interop;

/// <summary>The one place native results are checked: a failed call becomes a <see cref="TorchException"/>.</summary>
internal static class Native
{
    /// <summary>Takes (and frees) the thread's pending libtorch error message, if any.</summary>
    internal static string? TakeError()
    {
        var p = NativeMethods.SRTTorch_last_error();
        if (p == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(p); }
        finally { NativeMethods.SRTTorch_free_string(p); }
    }

    /// <summary>A handle result: NULL with an error set throws; NULL without one means "undefined" and is returned.</summary>
    internal static IntPtr CheckNullable(IntPtr handle)
    {
        if (handle == IntPtr.Zero && TakeError() is { } message) throw new TorchException(message);
        return handle;
    }

    /// <summary>A handle result that must be a tensor.</summary>
    internal static IntPtr Check(IntPtr handle)
    {
        if (handle != IntPtr.Zero) return handle;
        throw new TorchException(TakeError() ?? "libtorch returned an undefined tensor");
    }

    /// <summary>A status result: negative means failure.</summary>
    internal static int Check(int status)
    {
        if (status < 0) throw new TorchException(TakeError() ?? $"libtorch call failed with status {status}");
        return status;
    }

    /// <summary>A value result whose range gives no failure marker: the error slot decides.</summary>
    internal static T CheckValue<T>(T value)
    {
        if (TakeError() is { } message) throw new TorchException(message);
        return value;
    }
}
