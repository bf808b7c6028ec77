using ScRepro.Models.Scgpt.Config;
using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Modules;

/// <summary>What scGPT's two model classes share: the config, the encoders, the post-norm transformer stack and
/// scGPT's init (gene embedding U(-0.1, 0.1)); subclasses declare their fields in PyTorch's registration order.</summary>
public abstract class ScgptNetwork : nn.Module
{
    protected ScgptNetwork(ScgptConfig config, string name) : base(name)
    {
        config.Validate();
        Config = config;
    }

    public ScgptConfig Config { get; }

    /// <summary>nn.TransformerEncoder of post-norm ReLU layers, batch_first, eps 1e-5, no final norm (spec §1.3 step 6).</summary>
    protected static TransformerEncoder BuildEncoder(ScgptConfig c) =>
        nn.TransformerEncoder(
            nn.TransformerEncoderLayer(c.DModel, c.NHead, c.DHid, c.Dropout, "relu", 1e-5, batch_first: true, norm_first: false),
            c.NLayers);

    /// <summary>scGPT's init_weights: every row of the gene embedding U(-0.1, 0.1), the pad row included.</summary>
    protected static void InitGeneEmbedding(GeneEncoder encoder) => nn.init.uniform_(encoder.Weight, -0.1, 0.1);

    /// <summary>(B, S, d) = BatchNorm over d, as scGPT applies it via permute to (B, d, S).</summary>
    protected static Tensor ApplyBatchNorm(BatchNorm1d bn, Tensor x) =>
        bn.forward(x.permute(0, 2, 1)).permute(0, 2, 1);
}
