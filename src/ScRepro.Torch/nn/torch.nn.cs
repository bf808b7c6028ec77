using ScRepro.Torch.Modules;

namespace ScRepro.Torch;

public static partial class torch
{
    /// <summary>Module factories with PyTorch's names and defaults (the classes live in ScRepro.Torch.Modules).</summary>
    public static partial class nn
    {
        public static Parameter Parameter(Tensor data, bool requires_grad = true) => new(data, requires_grad);

        public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) =>
            new(inputSize, outputSize, hasBias, device, dtype);

        public static Embedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, Device? device = null, ScalarType? dtype = null) =>
            new(num_embeddings, embedding_dims, padding_idx, device, dtype);

        public static LayerNorm LayerNorm(long normalized_shape, double eps = 1e-5, bool elementwise_affine = true, Device? device = null, ScalarType? dtype = null) =>
            new([normalized_shape], eps, elementwise_affine, device, dtype);

        public static LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true, Device? device = null, ScalarType? dtype = null) =>
            new(normalized_shape, eps, elementwise_affine, device, dtype);

        public static BatchNorm1d BatchNorm1d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool track_running_stats = true,
            Device? device = null, ScalarType? dtype = null) => new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

        public static Dropout Dropout(double p = 0.5) => new(p);

        public static ReLU ReLU() => new();

        public static GELU GELU(string approximate = "none") => new(approximate);

        public static Conv1d Conv1d(long in_channels, long out_channels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1,
            long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernelSize, stride, padding, dilation, groups, bias, device, dtype);

        public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernelSize, (long, long)? stride = null,
            (long, long)? padding = null, (long, long)? dilation = null, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernelSize, stride, padding, dilation, groups, bias, device, dtype);

        public static MultiheadAttention MultiheadAttention(long embedded_dim, long num_heads, double dropout = 0.0, bool bias = true,
            bool batch_first = false, Device? device = null, ScalarType? dtype = null) =>
            new(embedded_dim, num_heads, dropout, bias, batch_first, device, dtype);

        public static TransformerEncoderLayer TransformerEncoderLayer(long d_model = 512, long nhead = 8, long dim_feedforward = 2048, double dropout = 0.1,
            string activation = "relu", double layer_norm_eps = 1e-5, bool batch_first = false, bool norm_first = false,
            Device? device = null, ScalarType? dtype = null) =>
            new(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first, norm_first, device, dtype);

        public static TransformerEncoder TransformerEncoder(TransformerEncoderLayer encoder_layer, long num_layers, LayerNorm? norm = null) =>
            new(encoder_layer, num_layers, norm);

        public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => new(modules);

        public static Sequential Sequential(params (string name, Module<Tensor, Tensor> module)[] modules) => new(modules);

        public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);

        public static ModuleDict<T> ModuleDict<T>(params (string name, T module)[] modules) where T : Module => new(modules);
    }
}
