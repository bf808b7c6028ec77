namespace ScRepro.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        // C# has no '@'; matrix products are matmul/mm/bmm as in TorchSharp.
        public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
        public static Tensor operator +(Tensor a, double b) => a.add(b);
        public static Tensor operator +(double a, Tensor b) => b.add(a);
        public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
        public static Tensor operator -(Tensor a, double b) => a.sub(b);
        public static Tensor operator -(double a, Tensor b) => new(Interop.NativeMethods.SRTTensor_rsub_scalar(b.Handle, a));
        public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
        public static Tensor operator *(Tensor a, double b) => a.mul(b);
        public static Tensor operator *(double a, Tensor b) => b.mul(a);
        public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
        public static Tensor operator /(Tensor a, double b) => a.div(b);
        public static Tensor operator /(double a, Tensor b) => new(Interop.NativeMethods.SRTTensor_rdiv_scalar(b.Handle, a));
        public static Tensor operator %(Tensor a, double b) => a.remainder(b);
        public static Tensor operator -(Tensor a) => a.neg();
        public static Tensor operator &(Tensor a, Tensor b) => a.logical_and(b);
        public static Tensor operator |(Tensor a, Tensor b) => a.logical_or(b);
        public static Tensor operator ^(Tensor a, Tensor b) => a.logical_xor(b);
        public static Tensor operator <(Tensor a, Tensor b) => a.lt(b);
        public static Tensor operator >(Tensor a, Tensor b) => a.gt(b);
        public static Tensor operator <=(Tensor a, Tensor b) => a.le(b);
        public static Tensor operator >=(Tensor a, Tensor b) => a.ge(b);
        public static Tensor operator <(Tensor a, double b) => a.lt(b);
        public static Tensor operator >(Tensor a, double b) => a.gt(b);
        public static Tensor operator <=(Tensor a, double b) => a.le(b);
        public static Tensor operator >=(Tensor a, double b) => a.ge(b);
    }
}
