using ScRepro.Torch.Interop;

namespace ScRepro.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Loss reductions; values are ATen's codes.</summary>
        public enum Reduction
        {
            None = 0,
            Mean = 1,
            Sum = 2,
        }

        /// <summary>Stateless ops (torch.nn.functional); the modules are written over these.</summary>
        public static class functional
        {
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null) =>
                new(NativeMethods.SRTNN_linear(input.Handle, weight.Handle, bias?.Handle ?? IntPtr.Zero));

            public static Tensor embedding(Tensor input, Tensor weight, long? padding_idx = null) =>
                new(NativeMethods.SRTNN_embedding(weight.Handle, input.Handle, padding_idx ?? -1, 0));

            public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
                new(NativeMethods.SRTNN_layer_norm(input.Handle, normalized_shape, normalized_shape.Length,
                    weight?.Handle ?? IntPtr.Zero, bias?.Handle ?? IntPtr.Zero, eps));

            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                bool training = false, double momentum = 0.1, double eps = 1e-5) =>
                new(NativeMethods.SRTNN_batch_norm(input.Handle, weight?.Handle ?? IntPtr.Zero, bias?.Handle ?? IntPtr.Zero,
                    running_mean?.Handle ?? IntPtr.Zero, running_var?.Handle ?? IntPtr.Zero, training ? 1 : 0, momentum, eps));

            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true) =>
                new(NativeMethods.SRTNN_dropout(input.Handle, p, training ? 1 : 0));

            /// <summary>
            /// Whether <see cref="dropout"/> draws CPU float masks in bulk (the shim's dropout.cpp: libtorch's own mask, bit
            /// for bit, faster) rather than through at::dropout; checked against at::dropout once per process.
            /// </summary>
            internal static bool dropout_mask_in_bulk => NativeMethods.SRTNN_dropout_mask_in_bulk() == 1;

            /// <summary>
            /// True when this build's libtorch has the fused <see cref="scaled_dot_product_attention"/> (libtorch 2.0 and
            /// later; Debian's 1.13 does not).
            /// </summary>
            public static bool scaled_dot_product_attention_available { get; } = NativeMethods.SRTNN_has_sdpa() != 0;

            /// <summary>
            /// softmax(q kᵀ / √E + attn_mask) v over the last two dimensions, as torch.nn.functional.scaled_dot_product_attention
            /// (libtorch picks a flash, memory-efficient or math kernel). Needs libtorch 2.0 or later.
            /// </summary>
            public static Tensor scaled_dot_product_attention(Tensor query, Tensor key, Tensor value, Tensor? attn_mask = null,
                double dropout_p = 0.0, bool is_causal = false) =>
                new(NativeMethods.SRTNN_scaled_dot_product_attention(query.Handle, key.Handle, value.Handle,
                    attn_mask?.Handle ?? IntPtr.Zero, dropout_p, is_causal ? 1 : 0));

            /// <summary>
            /// The kernel <see cref="scaled_dot_product_attention"/> would run for these inputs ("math", "flash",
            /// "efficient", "cudnn", "overrideable"), or null where libtorch cannot say (1.x, or no choice for the device).
            /// </summary>
            public static string? scaled_dot_product_attention_backend(Tensor query, Tensor key, Tensor value, Tensor? attn_mask = null,
                double dropout_p = 0.0, bool is_causal = false)
            {
                var code = NativeMethods.SRTNN_sdpa_backend(query.Handle, key.Handle, value.Handle, attn_mask?.Handle ?? IntPtr.Zero,
                    dropout_p, is_causal ? 1 : 0);
                if (code < 0) { Native.TakeError(); return null; }
                return code switch { 0 => "math", 1 => "flash", 2 => "efficient", 3 => "cudnn", 4 => "overrideable", _ => $"backend {code}" };
            }

            public static Tensor conv1d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1) =>
                new(NativeMethods.SRTNN_conv1d(input.Handle, weight.Handle, bias?.Handle ?? IntPtr.Zero, stride, padding, dilation, groups));

            /// <summary>2-D convolution over (N, C_in, H, W); stride, padding and dilation per (height, width).</summary>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, (long, long)? stride = null, (long, long)? padding = null,
                (long, long)? dilation = null, long groups = 1)
            {
                static long[] Pair((long, long)? p, long dflt) => p is { } v ? [v.Item1, v.Item2] : [dflt, dflt];
                return new(NativeMethods.SRTNN_conv2d(input.Handle, weight.Handle, bias?.Handle ?? IntPtr.Zero,
                    Pair(stride, 1), Pair(padding, 0), Pair(dilation, 1), groups));
            }

            public static Tensor relu(Tensor input) => input.relu();
            public static Tensor gelu(Tensor input, string approximate = "none") => input.gelu(approximate);
            public static Tensor silu(Tensor input) => input.silu();
            public static Tensor sigmoid(Tensor input) => input.sigmoid();
            public static Tensor tanh(Tensor input) => input.tanh();
            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01) => input.leaky_relu(negative_slope);
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);
            public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);

            /// <summary>Constant padding; <paramref name="pad"/> lists (left, right) pairs from the last dimension back.</summary>
            public static Tensor pad(Tensor input, long[] pad, double value = 0) =>
                new(NativeMethods.SRTNN_pad(input.Handle, pad, pad.Length, value));

            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                new(NativeMethods.SRTNN_mse_loss(input.Handle, target.Handle, (int)reduction));

            /// <summary>Cross entropy over class logits (dim 1) with optional class weights, ignore_index and label smoothing.</summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                Reduction reduction = Reduction.Mean, double label_smoothing = 0) =>
                new(NativeMethods.SRTNN_cross_entropy(input.Handle, target.Handle, weight?.Handle ?? IntPtr.Zero, (int)reduction, ignore_index, label_smoothing));

            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean) =>
                new(NativeMethods.SRTNN_nll_loss(input.Handle, target.Handle, weight?.Handle ?? IntPtr.Zero, (int)reduction, ignore_index));

            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null,
                Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) =>
                new(NativeMethods.SRTNN_bce_with_logits(input.Handle, target.Handle, weight?.Handle ?? IntPtr.Zero, pos_weights?.Handle ?? IntPtr.Zero, (int)reduction));
        }
    }
}
