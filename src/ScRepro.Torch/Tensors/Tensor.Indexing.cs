using ScRepro.Torch.Interop;

namespace ScRepro.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Python-style indexing (<c>t[.., 0]</c>, <c>t[mask]</c>, <c>t[TensorIndex.None]</c>); assignment is index_put_.</summary>
        public Tensor this[params TensorIndex[] indices]
        {
            get => index(indices);
            set => index_put_(value, indices);
        }

        public Tensor index(params TensorIndex[] indices)
        {
            var e = Encode(indices);
            return new Tensor(NativeMethods.SRTTensor_index(Handle, e.kinds, e.a, e.b, e.c, e.flags, e.tensors, indices.Length));
        }

        public Tensor index_put_(Tensor value, params TensorIndex[] indices)
        {
            var e = Encode(indices);
            Native.Check(NativeMethods.SRTTensor_index_put_(Handle, e.kinds, e.a, e.b, e.c, e.flags, e.tensors, indices.Length, value.Handle, 0, 0));
            return this;
        }

        public Tensor index_put_(double value, params TensorIndex[] indices)
        {
            var e = Encode(indices);
            Native.Check(NativeMethods.SRTTensor_index_put_(Handle, e.kinds, e.a, e.b, e.c, e.flags, e.tensors, indices.Length, IntPtr.Zero, value, 1));
            return this;
        }

        private static (int[] kinds, long[] a, long[] b, long[] c, int[] flags, IntPtr[] tensors) Encode(TensorIndex[] indices)
        {
            var n = Math.Max(indices.Length, 1);
            var kinds = new int[n];
            var a = new long[n];
            var b = new long[n];
            var c = new long[n];
            var flags = new int[n];
            var tensors = new IntPtr[n];
            for (var i = 0; i < indices.Length; i++)
            {
                var x = indices[i];
                kinds[i] = (int)x.kind;
                switch (x.kind)
                {
                    case TensorIndex.Kind.Single or TensorIndex.Kind.Bool:
                        a[i] = x.startIndexOrBoolOrSingle;
                        break;
                    case TensorIndex.Kind.Slice:
                        a[i] = x.start ?? 0;
                        b[i] = x.stop ?? 0;
                        c[i] = x.step;
                        flags[i] = (x.start.HasValue ? 1 : 0) | (x.stop.HasValue ? 2 : 0);
                        break;
                    case TensorIndex.Kind.Tensor:
                        tensors[i] = x.tensor!.Handle;
                        break;
                }
            }
            return (kinds, a, b, c, flags, tensors);
        }
    }
}
