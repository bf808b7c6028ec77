using ScRepro.Torch.Interop;
using U = ScRepro.Torch.Interop.Unary;
using B = ScRepro.Torch.Interop.Binary;
using R = ScRepro.Torch.Interop.Reduce;

namespace ScRepro.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        // ---- unary ----
        public Tensor neg() => Unary(U.Neg);
        public Tensor exp() => Unary(U.Exp);
        public Tensor log() => Unary(U.Log);
        public Tensor log2() => Unary(U.Log2);
        public Tensor log1p() => Unary(U.Log1p);
        public Tensor expm1() => Unary(U.Expm1);
        public Tensor sqrt() => Unary(U.Sqrt);
        public Tensor rsqrt() => Unary(U.Rsqrt);
        public Tensor abs() => Unary(U.Abs);
        public Tensor relu() => Unary(U.Relu);
        public Tensor sigmoid() => Unary(U.Sigmoid);
        public Tensor tanh() => Unary(U.Tanh);
        public Tensor sin() => Unary(U.Sin);
        public Tensor cos() => Unary(U.Cos);
        public Tensor erf() => Unary(U.Erf);
        public Tensor sign() => Unary(U.Sign);
        public Tensor floor() => Unary(U.Floor);
        public Tensor ceil() => Unary(U.Ceil);
        public Tensor round() => Unary(U.Round);
        public Tensor trunc() => Unary(U.Trunc);
        public Tensor reciprocal() => Unary(U.Reciprocal);
        public Tensor square() => Unary(U.Square);
        public Tensor silu() => Unary(U.Silu);
        public Tensor contiguous() => Unary(U.Contiguous);
        public Tensor clone() => Unary(U.Clone);
        public Tensor logical_not() => Unary(U.LogicalNot);
        public Tensor isnan() => Unary(U.IsNan);
        public Tensor isinf() => Unary(U.IsInf);
        public Tensor isfinite() => Unary(U.IsFinite);
        public Tensor gelu(string approximate = "none") =>
            new(NativeMethods.SRTTensor_gelu(Handle, approximate == "tanh" ? 1 : approximate == "none" ? 0
                : throw new ArgumentException($"gelu approximate must be 'none' or 'tanh', not '{approximate}'")));
        public Tensor leaky_relu(double negative_slope = 0.01) => new(NativeMethods.SRTTensor_leaky_relu(Handle, negative_slope));

        public Tensor neg_() => UnaryInPlace(U.Neg);
        public Tensor exp_() => UnaryInPlace(U.Exp);
        public Tensor log_() => UnaryInPlace(U.Log);
        public Tensor sqrt_() => UnaryInPlace(U.Sqrt);
        public Tensor abs_() => UnaryInPlace(U.Abs);
        public Tensor relu_() => UnaryInPlace(U.Relu);
        public Tensor sigmoid_() => UnaryInPlace(U.Sigmoid);
        public Tensor tanh_() => UnaryInPlace(U.Tanh);
        public Tensor zero_() => UnaryInPlace(U.Zero);

        // ---- binary ----
        public Tensor add(Tensor other, double alpha = 1) => Binary(other, B.Add, alpha);
        public Tensor add(double other, double alpha = 1) => Binary(other, B.Add, alpha);
        public Tensor sub(Tensor other, double alpha = 1) => Binary(other, B.Sub, alpha);
        public Tensor sub(double other, double alpha = 1) => Binary(other, B.Sub, alpha);
        public Tensor mul(Tensor other) => Binary(other, B.Mul);
        public Tensor mul(double other) => Binary(other, B.Mul);
        public Tensor div(Tensor other) => Binary(other, B.Div);
        public Tensor div(double other) => Binary(other, B.Div);
        public Tensor floor_divide(Tensor other) => Binary(other, B.FloorDivide);
        public Tensor pow(Tensor exponent) => Binary(exponent, B.Pow);
        public Tensor pow(double exponent) => Binary(exponent, B.Pow);
        public Tensor remainder(Tensor other) => Binary(other, B.Remainder);
        public Tensor remainder(double other) => Binary(other, B.Remainder);
        public Tensor fmod(double other) => Binary(other, B.Fmod);
        public Tensor maximum(Tensor other) => Binary(other, B.Maximum);
        public Tensor minimum(Tensor other) => Binary(other, B.Minimum);
        public Tensor matmul(Tensor other) => Binary(other, B.Matmul);
        public Tensor mm(Tensor other) => Binary(other, B.Mm);
        public Tensor bmm(Tensor other) => Binary(other, B.Bmm);
        public Tensor baddbmm(Tensor batch1, Tensor batch2, double beta = 1, double alpha = 1) =>
            new(NativeMethods.SRTTensor_baddbmm(Handle, batch1.Handle, batch2.Handle, beta, alpha));
        public Tensor addmm(Tensor mat1, Tensor mat2, double beta = 1, double alpha = 1) =>
            new(NativeMethods.SRTTensor_addmm(Handle, mat1.Handle, mat2.Handle, beta, alpha));

        public Tensor add_(Tensor other, double alpha = 1) => BinaryInPlace(other, B.Add, alpha);
        public Tensor add_(double other, double alpha = 1) => BinaryInPlace(other, B.Add, alpha);
        public Tensor sub_(Tensor other, double alpha = 1) => BinaryInPlace(other, B.Sub, alpha);
        public Tensor sub_(double other, double alpha = 1) => BinaryInPlace(other, B.Sub, alpha);
        public Tensor mul_(Tensor other) => BinaryInPlace(other, B.Mul);
        public Tensor mul_(double other) => BinaryInPlace(other, B.Mul);
        public Tensor div_(Tensor other) => BinaryInPlace(other, B.Div);
        public Tensor div_(double other) => BinaryInPlace(other, B.Div);
        public Tensor pow_(double exponent) => BinaryInPlace(exponent, B.Pow);

        public Tensor addcmul(Tensor tensor1, Tensor tensor2, double value = 1) =>
            new(NativeMethods.SRTTensor_addcmul(Handle, tensor1.Handle, tensor2.Handle, value));
        public Tensor addcmul_(Tensor tensor1, Tensor tensor2, double value = 1)
        {
            Native.Check(NativeMethods.SRTTensor_addcmul_(Handle, tensor1.Handle, tensor2.Handle, value));
            return this;
        }
        public Tensor addcdiv(Tensor tensor1, Tensor tensor2, double value = 1) =>
            new(NativeMethods.SRTTensor_addcdiv(Handle, tensor1.Handle, tensor2.Handle, value));
        public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, double value = 1)
        {
            Native.Check(NativeMethods.SRTTensor_addcdiv_(Handle, tensor1.Handle, tensor2.Handle, value));
            return this;
        }

        public Tensor clamp(double? min = null, double? max = null) =>
            new(NativeMethods.SRTTensor_clamp(Handle, min ?? 0, min.HasValue ? 1 : 0, max ?? 0, max.HasValue ? 1 : 0));
        public Tensor clamp_(double? min = null, double? max = null)
        {
            Native.Check(NativeMethods.SRTTensor_clamp_(Handle, min ?? 0, min.HasValue ? 1 : 0, max ?? 0, max.HasValue ? 1 : 0));
            return this;
        }
        public Tensor clip(double? min = null, double? max = null) => clamp(min, max);
        public Tensor clamp_min(double min) => clamp(min, null);
        public Tensor clamp_max(double max) => clamp(null, max);

        public Tensor masked_fill(Tensor mask, double value) => new(NativeMethods.SRTTensor_masked_fill(Handle, mask.Handle, value));
        public Tensor masked_fill_(Tensor mask, double value)
        {
            Native.Check(NativeMethods.SRTTensor_masked_fill_(Handle, mask.Handle, value));
            return this;
        }
        public Tensor fill_(double value)
        {
            Native.Check(NativeMethods.SRTTensor_fill_(Handle, value));
            return this;
        }
        public Tensor copy_(Tensor source)
        {
            Native.Check(NativeMethods.SRTTensor_copy_(Handle, source.Handle));
            return this;
        }
        public Tensor uniform_(double from = 0, double to = 1)
        {
            Native.Check(NativeMethods.SRTTensor_uniform_(Handle, from, to));
            return this;
        }
        public Tensor normal_(double mean = 0, double std = 1)
        {
            Native.Check(NativeMethods.SRTTensor_normal_(Handle, mean, std));
            return this;
        }
        public Tensor bernoulli_(double p = 0.5)
        {
            Native.Check(NativeMethods.SRTTensor_bernoulli_(Handle, p));
            return this;
        }

        // ---- comparisons and logic ----
        public Tensor eq(Tensor other) => Binary(other, B.Eq);
        public Tensor eq(double other) => Binary(other, B.Eq);
        public Tensor ne(Tensor other) => Binary(other, B.Ne);
        public Tensor ne(double other) => Binary(other, B.Ne);
        public Tensor lt(Tensor other) => Binary(other, B.Lt);
        public Tensor lt(double other) => Binary(other, B.Lt);
        public Tensor le(Tensor other) => Binary(other, B.Le);
        public Tensor le(double other) => Binary(other, B.Le);
        public Tensor gt(Tensor other) => Binary(other, B.Gt);
        public Tensor gt(double other) => Binary(other, B.Gt);
        public Tensor ge(Tensor other) => Binary(other, B.Ge);
        public Tensor ge(double other) => Binary(other, B.Ge);
        public Tensor logical_and(Tensor other) => Binary(other, B.LogicalAnd);
        public Tensor logical_or(Tensor other) => Binary(other, B.LogicalOr);
        public Tensor logical_xor(Tensor other) => Binary(other, B.LogicalXor);

        public bool allclose(Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false) =>
            Native.Check(NativeMethods.SRTTensor_allclose(Handle, other.Handle, rtol, atol, equal_nan ? 1 : 0)) != 0;
        public bool equal(Tensor other) => Native.Check(NativeMethods.SRTTensor_equal(Handle, other.Handle)) != 0;

        // ---- reductions ----
        private Tensor Reduction(R op, long[]? dims, bool keepdim, ScalarType? type) =>
            new(NativeMethods.SRTTensor_reduce(Handle, (int)op, dims, dims?.Length ?? 0, keepdim ? 1 : 0, type.HasValue ? (int)type.Value : -1));

        public Tensor sum() => Reduction(R.Sum, null, false, null);
        // No dtype-only overloads: a literal 0 converts to ScalarType, so t.sum(0) would silently mean "as uint8".
        public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => Reduction(R.Sum, [dim], keepdim, type);
        public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null) => Reduction(R.Sum, dim, keepdim, type);
        public Tensor mean() => Reduction(R.Mean, null, false, null);
        public Tensor mean(long dim, bool keepdim = false, ScalarType? type = null) => Reduction(R.Mean, [dim], keepdim, type);
        public Tensor mean(long[] dimensions, bool keepdim = false, ScalarType? type = null) => Reduction(R.Mean, dimensions, keepdim, type);
        public Tensor prod() => Reduction(R.Prod, null, false, null);
        public Tensor prod(long dim, bool keepdim = false, ScalarType? type = null) => Reduction(R.Prod, [dim], keepdim, type);
        public Tensor amax(params long[] dims) => Reduction(R.Amax, dims, false, null);
        public Tensor amax(long[] dims, bool keepdim) => Reduction(R.Amax, dims, keepdim, null);
        public Tensor amin(params long[] dims) => Reduction(R.Amin, dims, false, null);
        public Tensor amin(long[] dims, bool keepdim) => Reduction(R.Amin, dims, keepdim, null);
        public Tensor all() => Reduction(R.All, null, false, null);
        public Tensor all(long dim, bool keepdim = false) => Reduction(R.All, [dim], keepdim, null);
        public Tensor any() => Reduction(R.Any, null, false, null);
        public Tensor any(long dim, bool keepdim = false) => Reduction(R.Any, [dim], keepdim, null);
        public Tensor max() => Reduction(R.Max, null, false, null);
        public Tensor min() => Reduction(R.Min, null, false, null);
        public Tensor norm() => Reduction(R.Norm, null, false, null);
        public Tensor norm(long dim, bool keepdim = false) => Reduction(R.Norm, [dim], keepdim, null);
        public Tensor count_nonzero() => Reduction(R.CountNonzero, null, false, null);

        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false)
        {
            Native.Check(NativeMethods.SRTTensor_max_dim(Handle, dim, keepdim ? 1 : 0, 0, out var v, out var i));
            return (new Tensor(v), new Tensor(i));
        }

        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false)
        {
            Native.Check(NativeMethods.SRTTensor_max_dim(Handle, dim, keepdim ? 1 : 0, 1, out var v, out var i));
            return (new Tensor(v), new Tensor(i));
        }

        public Tensor argmax() => new(NativeMethods.SRTTensor_argmax(Handle, 0, 0, 0, 0));
        public Tensor argmax(long dim, bool keepdim = false) => new(NativeMethods.SRTTensor_argmax(Handle, dim, 1, keepdim ? 1 : 0, 0));
        public Tensor argmin() => new(NativeMethods.SRTTensor_argmax(Handle, 0, 0, 0, 1));
        public Tensor argmin(long dim, bool keepdim = false) => new(NativeMethods.SRTTensor_argmax(Handle, dim, 1, keepdim ? 1 : 0, 1));

        public Tensor var(bool unbiased = true) => new(NativeMethods.SRTTensor_var_std(Handle, 0, null, 0, unbiased ? 1 : 0, 0));
        public Tensor var(long dim, bool unbiased = true, bool keepdim = false) =>
            new(NativeMethods.SRTTensor_var_std(Handle, 0, [dim], 1, unbiased ? 1 : 0, keepdim ? 1 : 0));
        public Tensor std(bool unbiased = true) => new(NativeMethods.SRTTensor_var_std(Handle, 1, null, 0, unbiased ? 1 : 0, 0));
        public Tensor std(long dim, bool unbiased = true, bool keepdim = false) =>
            new(NativeMethods.SRTTensor_var_std(Handle, 1, [dim], 1, unbiased ? 1 : 0, keepdim ? 1 : 0));

        public Tensor softmax(long dim, ScalarType? dtype = null) => new(NativeMethods.SRTTensor_softmax(Handle, dim, 0, dtype.HasValue ? (int)dtype.Value : -1));
        public Tensor log_softmax(long dim, ScalarType? dtype = null) => new(NativeMethods.SRTTensor_softmax(Handle, dim, 1, dtype.HasValue ? (int)dtype.Value : -1));
        public Tensor logsumexp(long dim, bool keepdim = false) => new(NativeMethods.SRTTensor_logsumexp(Handle, dim, keepdim ? 1 : 0));
        public Tensor cumsum(long dim, ScalarType? type = null) => new(NativeMethods.SRTTensor_cumsum(Handle, dim, type.HasValue ? (int)type.Value : -1));

        public (Tensor values, Tensor indices) topk(int k, int dim = -1, bool largest = true, bool sorted = true)
        {
            Native.Check(NativeMethods.SRTTensor_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, out var v, out var i));
            return (new Tensor(v), new Tensor(i));
        }

        public (Tensor values, Tensor indices) sort(long dim = -1, bool descending = false, bool stable = false)
        {
            Native.Check(NativeMethods.SRTTensor_sort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0, out var v, out var i));
            return (new Tensor(v), new Tensor(i));
        }

        /// <summary>torch.linalg.qr: mode "reduced" (default), "complete" or "r" (Q is then empty).</summary>
        public (Tensor Q, Tensor R) linalg_qr(string mode = "reduced")
        {
            var code = mode switch
            {
                "reduced" => 0,
                "complete" => 1,
                "r" => 2,
                _ => throw new ArgumentException($"qr mode must be reduced, complete or r, not '{mode}'", nameof(mode)),
            };
            Native.Check(NativeMethods.SRTTensor_linalg_qr(Handle, code, out var q, out var r));
            return (new Tensor(q), new Tensor(r));
        }
    }
}
