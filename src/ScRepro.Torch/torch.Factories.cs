using System.Runtime.InteropServices;
using ScRepro.Torch.Interop;

namespace ScRepro.Torch;

public static partial class torch
{
    private static (int dtype, int type, int index) Options(ScalarType? dtype, Device? device, ScalarType fallback) =>
        ((int)(dtype ?? fallback), (int)(device?.type ?? DeviceType.CPU), device?.index ?? -1);

    private delegate IntPtr ShapeFactory(long[] shape, int ndim, int dtype, int dt, int di, int rg);

    private static Tensor Make(ShapeFactory f, long[] size, ScalarType? dtype, Device? device, bool requires_grad)
    {
        var (dt, t, i) = Options(dtype, device, default_dtype);
        return new Tensor(f(size, size.Length, dt, t, i, requires_grad ? 1 : 0));
    }

    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(NativeMethods.SRTTensor_empty, size, dtype, device, requires_grad);
    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(NativeMethods.SRTTensor_zeros, size, dtype, device, requires_grad);
    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(NativeMethods.SRTTensor_ones, size, dtype, device, requires_grad);
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(NativeMethods.SRTTensor_randn, size, dtype, device, requires_grad);
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Make(NativeMethods.SRTTensor_rand, size, dtype, device, requires_grad);

    public static Tensor full(long[] size, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var (dt, t, i) = Options(dtype, device, default_dtype);
        return new Tensor(NativeMethods.SRTTensor_full(size, size.Length, value, dt, t, i, requires_grad ? 1 : 0));
    }

    // Fixed-rank overloads, as TorchSharp has them: torch.zeros(2, 3, dtype: torch.int64).
    public static Tensor empty(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => empty([d0], dtype, device, requires_grad);
    public static Tensor empty(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => empty([d0, d1], dtype, device, requires_grad);
    public static Tensor empty(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => empty([d0, d1, d2], dtype, device, requires_grad);
    public static Tensor zeros(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0], dtype, device, requires_grad);
    public static Tensor zeros(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0, d1], dtype, device, requires_grad);
    public static Tensor zeros(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0, d1, d2], dtype, device, requires_grad);
    public static Tensor zeros(long d0, long d1, long d2, long d3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0, d1, d2, d3], dtype, device, requires_grad);
    public static Tensor ones(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0], dtype, device, requires_grad);
    public static Tensor ones(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0, d1], dtype, device, requires_grad);
    public static Tensor ones(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0, d1, d2], dtype, device, requires_grad);
    public static Tensor ones(long d0, long d1, long d2, long d3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0, d1, d2, d3], dtype, device, requires_grad);
    public static Tensor randn(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn([d0], dtype, device, requires_grad);
    public static Tensor randn(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn([d0, d1], dtype, device, requires_grad);
    public static Tensor randn(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn([d0, d1, d2], dtype, device, requires_grad);
    public static Tensor randn(long d0, long d1, long d2, long d3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => randn([d0, d1, d2, d3], dtype, device, requires_grad);
    public static Tensor rand(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => rand([d0], dtype, device, requires_grad);
    public static Tensor rand(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => rand([d0, d1], dtype, device, requires_grad);
    public static Tensor rand(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => rand([d0, d1, d2], dtype, device, requires_grad);

    /// <summary>Integers uniformly drawn from [low, high) (int64 by default).</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null)
    {
        var (dt, t, i) = Options(dtype, device, ScalarType.Int64);
        return new Tensor(NativeMethods.SRTTensor_randint(low, high, size, size.Length, dt, t, i));
    }

    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null) => randint(0, high, size, dtype, device);

    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null)
    {
        var (dt, t, i) = Options(dtype, device, ScalarType.Int64);
        return new Tensor(NativeMethods.SRTTensor_randperm(n, dt, t, i));
    }

    /// <summary>Integer range (int64 by default, as PyTorch infers from integer arguments).</summary>
    public static Tensor arange(long start, long stop, long step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var (dt, t, i) = Options(dtype, device, ScalarType.Int64);
        return new Tensor(NativeMethods.SRTTensor_arange(start, stop, step, dt, t, i, requires_grad ? 1 : 0));
    }

    public static Tensor arange(long stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(0, stop, 1, dtype, device, requires_grad);

    /// <summary>Floating range (the default dtype, as PyTorch infers from float arguments).</summary>
    public static Tensor arange(double start, double stop, double step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var (dt, t, i) = Options(dtype, device, default_dtype);
        return new Tensor(NativeMethods.SRTTensor_arange(start, stop, step, dt, t, i, requires_grad ? 1 : 0));
    }

    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null)
    {
        var (dt, t, i) = Options(dtype, device, default_dtype);
        return new Tensor(NativeMethods.SRTTensor_linspace(start, end, steps, dt, t, i));
    }

    public static Tensor eye(long n, long m = -1, ScalarType? dtype = null, Device? device = null)
    {
        var (dt, t, i) = Options(dtype, device, default_dtype);
        return new Tensor(NativeMethods.SRTTensor_eye(n, m < 0 ? n : m, dt, t, i));
    }

    public static Tensor zeros_like(Tensor t, ScalarType? dtype = null) => new(NativeMethods.SRTTensor_zeros_like(t.Handle, dtype.HasValue ? (int)dtype.Value : -1));
    public static Tensor ones_like(Tensor t, ScalarType? dtype = null) => new(NativeMethods.SRTTensor_ones_like(t.Handle, dtype.HasValue ? (int)dtype.Value : -1));
    public static Tensor empty_like(Tensor t, ScalarType? dtype = null) => new(NativeMethods.SRTTensor_empty_like(t.Handle, dtype.HasValue ? (int)dtype.Value : -1));
    public static Tensor full_like(Tensor t, double value, ScalarType? dtype = null) => new(NativeMethods.SRTTensor_full_like(t.Handle, value, dtype.HasValue ? (int)dtype.Value : -1));
    public static Tensor randn_like(Tensor t) => new(NativeMethods.SRTTensor_randn_like(t.Handle));
    public static Tensor rand_like(Tensor t) => new(NativeMethods.SRTTensor_rand_like(t.Handle));

    // ---- from managed data (copied) ----

    private static ScalarType TypeOf<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? ScalarType.Float32
        : typeof(T) == typeof(double) ? ScalarType.Float64
        : typeof(T) == typeof(long) ? ScalarType.Int64
        : typeof(T) == typeof(int) ? ScalarType.Int32
        : typeof(T) == typeof(short) ? ScalarType.Int16
        : typeof(T) == typeof(byte) ? ScalarType.Byte
        : typeof(T) == typeof(sbyte) ? ScalarType.Int8
        : typeof(T) == typeof(bool) ? ScalarType.Bool
        : typeof(T) == typeof(Half) ? ScalarType.Float16
        : throw new NotSupportedException($"no torch dtype for {typeof(T).Name}");

    /// <summary>A tensor holding a copy of <paramref name="rawArray"/> with the given shape (1-D when omitted).</summary>
    public static Tensor tensor<T>(T[] rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged => tensor<T>(rawArray.AsSpan(), dimensions, dtype, device, requires_grad);

    public static Tensor tensor<T>(IList<T> rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged => tensor<T>(rawArray.ToArray().AsSpan(), dimensions, dtype, device, requires_grad);

    public static Tensor tensor<T>(ReadOnlySpan<T> rawArray, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged
    {
        var shape = dimensions ?? [rawArray.Length];
        long count = 1;
        foreach (var d in shape) count *= d;
        if (count != rawArray.Length)
            throw new ArgumentException($"tensor: {rawArray.Length} values do not fill shape [{string.Join(", ", shape)}]");
        var own = TypeOf<T>();
        Tensor made;
        unsafe
        {
            fixed (T* p = rawArray)
                made = new Tensor(NativeMethods.SRTTensor_from_data(p, shape, shape.Length, (int)own,
                    (int)(device?.type ?? DeviceType.CPU), device?.index ?? -1, 0));
        }
        if (dtype is { } target && target != own)
        {
            var converted = made.to(target);
            made.Dispose();
            made = converted;
        }
        if (requires_grad) made.requires_grad = true;
        return made;
    }

    public static Tensor tensor<T>(T[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) where T : unmanaged =>
        tensor(MemoryMarshal.CreateReadOnlySpan(ref rawArray[0, 0], rawArray.Length), [rawArray.GetLength(0), rawArray.GetLength(1)], dtype, device, requires_grad);

    /// <summary>A 0-dim tensor.</summary>
    public static Tensor tensor(float scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor<float>([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(double scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor<double>([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(long scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor<long>([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(int scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor<int>([scalar], [], dtype, device, requires_grad);
    public static Tensor tensor(bool scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        tensor<bool>([scalar], [], dtype, device, requires_grad);
}
