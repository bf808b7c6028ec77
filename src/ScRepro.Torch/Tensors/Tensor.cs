using System.Runtime.InteropServices;
using ScRepro.Torch.Interop;

namespace ScRepro.Torch;

public static partial class torch
{
    /// <summary>
    /// An owned handle to a libtorch tensor. Dispose it (or let a <see cref="DisposeScope"/> do it); the finalizer
    /// is only a safety net, since the GC cannot see the native memory behind a handle.
    /// </summary>
    public partial class Tensor : IDisposable
    {
        private IntPtr _handle;

        internal Tensor(IntPtr handle)
        {
            _handle = Native.Check(handle);
            DisposeScopeManager.Register(this);
        }

        ~Tensor() => Release();

        /// <summary>The native handle; throws after disposal.</summary>
        public IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new InvalidOperationException("Tensor invalid -- empty handle (it was disposed).");

        public bool IsInvalid => _handle == IntPtr.Zero;

        internal DisposeScope? OwningScope { get; set; }

        public void Dispose()
        {
            if (OwningScope is { } scope)
            {
                scope.Remove(this);
                DisposeScopeManager.Statistics.DisposedInScopeCount++;
            }
            else if (_handle != IntPtr.Zero) DisposeScopeManager.Statistics.DisposedOutsideScopeCount++;
            Release();
            GC.SuppressFinalize(this);
        }

        private void Release()
        {
            var h = Interlocked.Exchange(ref _handle, IntPtr.Zero);
            if (h != IntPtr.Zero) NativeMethods.SRTTensor_dispose(h);
        }

        /// <summary>Moves this tensor to the enclosing dispose scope so it survives the current one.</summary>
        public Tensor MoveToOuterDisposeScope() => OwningScope is { } s ? s.MoveToOuter(this) : this;

        /// <summary>Takes this tensor out of every dispose scope; the caller now owns it.</summary>
        public Tensor DetachFromDisposeScope()
        {
            OwningScope?.Remove(this);
            return this;
        }

        // ---- properties ----

        public long[] shape
        {
            get
            {
                unsafe
                {
                    Span<long> buf = stackalloc long[16];
                    int n;
                    fixed (long* p = buf) n = Native.Check(NativeMethods.SRTTensor_sizes(Handle, p, buf.Length));
                    if (n <= buf.Length) return buf[..n].ToArray();
                    var big = new long[n];
                    fixed (long* p = big) Native.Check(NativeMethods.SRTTensor_sizes(Handle, p, n));
                    return big;
                }
            }
        }

        public long[] stride()
        {
            unsafe
            {
                var s = new long[Math.Max(dim(), 1)];
                fixed (long* p = s) Native.Check(NativeMethods.SRTTensor_strides(Handle, p, s.Length));
                return s[..(int)dim()];
            }
        }

        public long stride(int dim) { var s = stride(); return s[dim < 0 ? dim + s.Length : dim]; }

        public long[] size() => shape;

        public long size(int dim) { var s = shape; return s[dim < 0 ? dim + s.Length : dim]; }

        public long dim() => Native.Check(NativeMethods.SRTTensor_ndim(Handle));

        public long ndim => dim();

        public long numel() => Native.CheckValue(NativeMethods.SRTTensor_numel(Handle));

        public long storage_offset() => Native.CheckValue(NativeMethods.SRTTensor_storage_offset(Handle));

        public ScalarType dtype => (ScalarType)Native.Check(NativeMethods.SRTTensor_dtype(Handle));

        public DeviceType device_type => (DeviceType)Native.Check(NativeMethods.SRTTensor_device_type(Handle));

        public int device_index => Native.CheckValue(NativeMethods.SRTTensor_device_index(Handle));

        public Device device => new(device_type, device_index);

        public bool is_contiguous() => Native.Check(NativeMethods.SRTTensor_is_contiguous(Handle)) != 0;

        public bool is_floating_point() => torch.is_floating_point(dtype);

        public long element_size() => torch.element_size(dtype);

        // ---- autograd ----

        public bool requires_grad
        {
            get => Native.Check(NativeMethods.SRTTensor_requires_grad(Handle)) != 0;
            set => Native.Check(NativeMethods.SRTTensor_set_requires_grad_(Handle, value ? 1 : 0));
        }

        public Tensor requires_grad_(bool requires_grad = true)
        {
            this.requires_grad = requires_grad;
            return this;
        }

        public bool is_leaf => Native.Check(NativeMethods.SRTTensor_is_leaf(Handle)) != 0;

        /// <summary>The accumulated gradient (a new handle each read), or null; setting null clears it.</summary>
        public Tensor? grad
        {
            get
            {
                var h = Native.CheckNullable(NativeMethods.SRTTensor_grad(Handle));
                return h == IntPtr.Zero ? null : new Tensor(h);
            }
            set => Native.Check(NativeMethods.SRTTensor_set_grad(Handle, value?.Handle ?? IntPtr.Zero));
        }

        public void backward(Tensor? gradient = null, bool? retain_graph = null, bool create_graph = false) =>
            Native.Check(NativeMethods.SRTTensor_backward(Handle, gradient?.Handle ?? IntPtr.Zero,
                retain_graph is null ? -1 : retain_graph.Value ? 1 : 0, create_graph ? 1 : 0));

        public void retain_grad() => Native.Check(NativeMethods.SRTTensor_retain_grad(Handle));

        /// <summary>Replaces the data behind this tensor (PyTorch's <c>t.data = other</c>); the handle stays.</summary>
        public void set_(Tensor data) => Native.Check(NativeMethods.SRTTensor_set_data(Handle, data.Handle));

        public Tensor detach() => Unary(Interop.Unary.Detach);

        public Tensor detach_()
        {
            Native.Check(NativeMethods.SRTTensor_unary_(Handle, (int)Interop.Unary.Detach));
            return this;
        }

        /// <summary>A second handle to the same tensor (shares data and autograd identity).</summary>
        public Tensor alias() => new(NativeMethods.SRTTensor_alias(Handle));

        // ---- conversion ----

        public Tensor to(ScalarType type, bool copy = false) => new(NativeMethods.SRTTensor_to(Handle, (int)type, -1, -1, copy ? 1 : 0));

        public Tensor to(Device device, bool copy = false) =>
            new(NativeMethods.SRTTensor_to(Handle, -1, (int)device.type, device.index, copy ? 1 : 0));

        public Tensor to(string device) => to(new Device(device));

        public Tensor to(ScalarType type, Device device, bool copy = false) =>
            new(NativeMethods.SRTTensor_to(Handle, (int)type, (int)device.type, device.index, copy ? 1 : 0));

        public Tensor to(Tensor other) => to(other.dtype, other.device);

        public Tensor type(ScalarType type) => to(type);

        public Tensor cpu() => to(CPU);

        public Tensor cuda(int index = -1) => to(new Device(DeviceType.CUDA, index));

        public Tensor @float() => to(ScalarType.Float32);
        public Tensor @double() => to(ScalarType.Float64);
        public Tensor half() => to(ScalarType.Float16);
        public Tensor bfloat16() => to(ScalarType.BFloat16);
        public Tensor @long() => to(ScalarType.Int64);
        public Tensor @int() => to(ScalarType.Int32);
        public Tensor @bool() => to(ScalarType.Bool);
        public Tensor @byte() => to(ScalarType.Byte);

        // ---- values ----

        /// <summary>The single element, converted to <typeparamref name="T"/>.</summary>
        public T item<T>() where T : unmanaged
        {
            if (typeof(T) == typeof(long) || typeof(T) == typeof(int) || typeof(T) == typeof(short) || typeof(T) == typeof(byte))
            {
                Native.Check(NativeMethods.SRTTensor_item_int64(Handle, out var l));
                return ConvertNumber<T>(l);
            }
            Native.Check(NativeMethods.SRTTensor_item(Handle, out var d));
            return typeof(T) == typeof(bool) ? (T)(object)(d != 0) : ConvertNumber<T>(d);
        }

        private static T ConvertNumber<T>(double v) where T : unmanaged =>
            typeof(T) == typeof(float) ? (T)(object)(float)v
            : typeof(T) == typeof(double) ? (T)(object)v
            : typeof(T) == typeof(Half) ? (T)(object)(Half)v
            : throw new NotSupportedException($"item<{typeof(T).Name}>() is not supported");

        private static T ConvertNumber<T>(long v) where T : unmanaged =>
            typeof(T) == typeof(long) ? (T)(object)v
            : typeof(T) == typeof(int) ? (T)(object)checked((int)v)
            : typeof(T) == typeof(short) ? (T)(object)checked((short)v)
            : typeof(T) == typeof(byte) ? (T)(object)checked((byte)v)
            : throw new NotSupportedException($"item<{typeof(T).Name}>() is not supported");

        /// <summary>
        /// A copy of the elements in logical (row-major) order. <typeparamref name="T"/> must match the dtype's size
        /// (float for float32, long for int64, Half for float16, bool for bool, …).
        /// </summary>
        public T[] data<T>() where T : unmanaged
        {
            var n = numel();
            var bytes = element_size();
            if (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() != bytes)
                throw new ArgumentException($"data<{typeof(T).Name}>() does not match the tensor's dtype {dtype}; convert with to() first");
            var result = new T[n];
            unsafe
            {
                fixed (T* p = result) Native.Check(NativeMethods.SRTTensor_copy_to_host(Handle, p, n * bytes));
            }
            return result;
        }

        public override string ToString()
        {
            if (IsInvalid) return "Tensor(disposed)";
            var p = Native.CheckNullable(NativeMethods.SRTTensor_to_string(Handle));
            try { return $"Tensor(shape=[{string.Join(", ", shape)}], dtype={dtype}, device={device})\n" + Marshal.PtrToStringUTF8(p); }
            finally { NativeMethods.SRTTorch_free_string(p); }
        }

        // ---- helpers for the op files ----

        internal Tensor Unary(Unary op) => new(NativeMethods.SRTTensor_unary(Handle, (int)op));

        internal Tensor UnaryInPlace(Unary op)
        {
            Native.Check(NativeMethods.SRTTensor_unary_(Handle, (int)op));
            return this;
        }

        internal Tensor Binary(Tensor other, Binary op, double alpha = 1) =>
            new(NativeMethods.SRTTensor_binary(Handle, other.Handle, (int)op, alpha));

        internal Tensor BinaryInPlace(Tensor other, Binary op, double alpha = 1)
        {
            Native.Check(NativeMethods.SRTTensor_binary_(Handle, other.Handle, (int)op, alpha));
            return this;
        }

        internal Tensor Binary(double other, Binary op, double alpha = 1) =>
            new(NativeMethods.SRTTensor_binary_scalar(Handle, other, (int)op, alpha));

        internal Tensor BinaryInPlace(double other, Binary op, double alpha = 1)
        {
            Native.Check(NativeMethods.SRTTensor_binary_scalar_(Handle, other, (int)op, alpha));
            return this;
        }
    }
}
