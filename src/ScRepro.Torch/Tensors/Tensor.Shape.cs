using ScRepro.Torch.Interop;

namespace ScRepro.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        public Tensor view(params long[] shape) => new(NativeMethods.SRTTensor_view(Handle, shape, shape.Length));
        public Tensor reshape(params long[] shape) => new(NativeMethods.SRTTensor_reshape(Handle, shape, shape.Length));
        public Tensor view_as(Tensor other) => view(other.shape);
        public Tensor reshape_as(Tensor other) => reshape(other.shape);
        public Tensor expand(params long[] shape) => new(NativeMethods.SRTTensor_expand(Handle, shape, shape.Length));
        public Tensor expand_as(Tensor other) => expand(other.shape);
        public Tensor repeat(params long[] repeats) => new(NativeMethods.SRTTensor_repeat(Handle, repeats, repeats.Length));
        public Tensor permute(params long[] dims) => new(NativeMethods.SRTTensor_permute(Handle, dims, dims.Length));
        public Tensor transpose(long dim0, long dim1) => new(NativeMethods.SRTTensor_transpose(Handle, dim0, dim1));
        public Tensor t() => Unary(Interop.Unary.T);
        public Tensor T => t();
        public Tensor unsqueeze(long dim) => new(NativeMethods.SRTTensor_unsqueeze(Handle, dim));
        public Tensor squeeze() => new(NativeMethods.SRTTensor_squeeze(Handle, 0, 0));
        public Tensor squeeze(long dim) => new(NativeMethods.SRTTensor_squeeze(Handle, dim, 1));
        public Tensor flatten(long start_dim = 0, long end_dim = -1) => new(NativeMethods.SRTTensor_flatten(Handle, start_dim, end_dim));

        /// <summary>Splits dimension <paramref name="dim"/> into <paramref name="sizes"/> (PyTorch's unflatten).</summary>
        public Tensor unflatten(long dim, params long[] sizes)
        {
            var s = shape.ToList();
            var d = (int)(dim < 0 ? dim + s.Count : dim);
            s.RemoveAt(d);
            s.InsertRange(d, sizes);
            return view(s.ToArray());
        }

        public Tensor slice(long dim, long start, long finish, long step) => new(NativeMethods.SRTTensor_slice(Handle, dim, start, finish, step));
        public Tensor select(long dim, long index) => new(NativeMethods.SRTTensor_select(Handle, dim, index));
        public Tensor narrow(long dim, long start, long length) => new(NativeMethods.SRTTensor_narrow(Handle, dim, start, length));
        public Tensor index_select(long dim, Tensor index) => new(NativeMethods.SRTTensor_index_select(Handle, dim, index.Handle));
        public Tensor gather(long dim, Tensor index) => new(NativeMethods.SRTTensor_gather(Handle, dim, index.Handle));
        public Tensor scatter(long dim, Tensor index, Tensor src) => new(NativeMethods.SRTTensor_scatter(Handle, dim, index.Handle, src.Handle));
        public Tensor masked_select(Tensor mask) => new(NativeMethods.SRTTensor_masked_select(Handle, mask.Handle));
        public Tensor tril(long diagonal = 0) => new(NativeMethods.SRTTensor_tril(Handle, diagonal, 0));
        public Tensor triu(long diagonal = 0) => new(NativeMethods.SRTTensor_tril(Handle, diagonal, 1));

        /// <summary>Splits into <paramref name="chunks"/> pieces along <paramref name="dim"/>.</summary>
        public Tensor[] chunk(long chunks, long dim = 0) => Split([], dim, (int)chunks, (int)chunks);

        /// <summary>Splits into pieces of <paramref name="size"/> along <paramref name="dim"/>.</summary>
        public Tensor[] split(long size, long dim = 0)
        {
            var n = this.size((int)dim);
            return Split([size], dim, 0, (int)((n + size - 1) / Math.Max(size, 1)) + 1);
        }

        /// <summary>Splits into pieces of the given sizes along <paramref name="dim"/>.</summary>
        public Tensor[] split(long[] sizes, long dim = 0) => Split(sizes, dim, 0, sizes.Length);

        public Tensor[] unbind(long dim = 0)
        {
            var n = this.size((int)dim);
            var result = new Tensor[n];
            for (var i = 0; i < n; i++) result[i] = select(dim, i);
            return result;
        }

        private Tensor[] Split(long[] sizes, long dim, int chunks, int capacity)
        {
            var handles = new IntPtr[Math.Max(capacity, 1)];
            var n = Native.Check(NativeMethods.SRTTensor_split(Handle, sizes, sizes.Length, dim, chunks, handles, handles.Length));
            var result = new Tensor[n];
            for (var i = 0; i < n; i++) result[i] = new Tensor(handles[i]);
            return result;
        }
    }
}
