using ScRepro.Models.Scgpt.Config;
using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Modules;

/// <summary>
/// scGPT's TransformerGenerator (scgpt/model/generation_model.py), the perturbation model: gene, value and
/// perturbation-flag embeddings summed, the post-norm transformer, and an AffineExprDecoder (HEAD) or, for the 2023
/// variant, a BatchNorm after the sum and a plain ExprDecoder. The ClsDecoder exists, as in scGPT, but is unused.
/// State-dict keys and shapes: spec §1.2 and §1.4 (checked against <see cref="ScgptParameters"/>).
/// </summary>
public sealed class TransformerGenerator : ScgptNetwork
{
#pragma warning disable IDE1006
    private readonly GeneEncoder encoder;
    private readonly ContinuousValueEncoder value_encoder;
    private readonly Embedding pert_encoder;
    private readonly BatchNorm1d? bn;
    private readonly TransformerEncoder transformer_encoder;
    [ComponentName(Name = "decoder")] private readonly AffineExprDecoder? affine_decoder;
    [ComponentName(Name = "decoder")] private readonly ExprDecoder? expr_decoder;
    private readonly ClsDecoder cls_decoder;
#pragma warning restore IDE1006

    public TransformerGenerator(ScgptConfig config) : base(config, nameof(TransformerGenerator))
    {
        if (config.Variant == ScgptVariant.Classifier) throw new ArgumentException("a classifier config is not a generator");
        var c = config;
        encoder = new GeneEncoder(c.NToken, c.DModel, c.PadTokenId);
        value_encoder = new ContinuousValueEncoder(c.DModel, c.Dropout, c.MaxValue);
        pert_encoder = nn.Embedding(c.NPertTokens, c.DModel, c.PertPadId);
        if (c.BatchNorm) bn = nn.BatchNorm1d(c.DModel, c.BatchNormEps);
        transformer_encoder = BuildEncoder(c);
        if (c.Variant == ScgptVariant.Generator) affine_decoder = new AffineExprDecoder(c.DModel);
        else expr_decoder = new ExprDecoder(c.DModel);
        cls_decoder = new ClsDecoder(c.DModel, c.NCls, c.NLayersCls);
        InitGeneEmbedding(encoder);
        RegisterComponents();
    }

    /// <summary>
    /// mlm_output (B, S): src (B,S) int64 vocab ids, values (B,S) float control expression, flags (B,S) int64 perturbation
    /// flags, mask (B,S) bool with true at pads or null (the tutorial passes all false).
    /// </summary>
    public Tensor forward(Tensor src, Tensor values, Tensor flags, Tensor? mask = null)
    {
        using var scope = NewDisposeScope();
        var x = encoder.forward(src) + value_encoder.forward(values) + pert_encoder.forward(flags);
        if (bn is not null) x = ApplyBatchNorm(bn, x);
        var h = transformer_encoder.forward(x, null, mask);
        var output = affine_decoder is not null ? affine_decoder.forward(h, values) : expr_decoder!.forward(h);
        return scope.MoveToOuter(output);
    }
}
