using ScRepro.Models.Scgpt.Config;
using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Modules;

/// <summary>
/// scGPT's TransformerModel (scgpt/model/model.py) as the annotation tutorial builds it: continuous value encoder,
/// post-norm transformer, ExprDecoder (kept so pretrained `decoder.fc.*` loads; unused by the CE loss) and the
/// ClsDecoder on the &lt;cls&gt; position (spec §2). Optional `bn` for pre-10c059f checkpoints.
/// </summary>
public sealed class TransformerModel : ScgptNetwork
{
#pragma warning disable IDE1006
    private readonly GeneEncoder encoder;
    private readonly ContinuousValueEncoder value_encoder;
    private readonly BatchNorm1d? bn;
    private readonly TransformerEncoder transformer_encoder;
    private readonly ExprDecoder decoder;
    private readonly ClsDecoder cls_decoder;
#pragma warning restore IDE1006

    public TransformerModel(ScgptConfig config) : base(config, nameof(TransformerModel))
    {
        if (config.Variant != ScgptVariant.Classifier) throw new ArgumentException("a generator config is not a classifier");
        var c = config;
        encoder = new GeneEncoder(c.NToken, c.DModel, c.PadTokenId);
        value_encoder = new ContinuousValueEncoder(c.DModel, c.Dropout, c.MaxValue);
        if (c.BatchNorm) bn = nn.BatchNorm1d(c.DModel, c.BatchNormEps);
        transformer_encoder = BuildEncoder(c);
        decoder = new ExprDecoder(c.DModel);
        cls_decoder = new ClsDecoder(c.DModel, c.NCls, c.NLayersCls);
        InitGeneEmbedding(encoder);
        RegisterComponents();
    }

    /// <summary>cls_output (B, n_cls) logits from the first position (&lt;cls&gt;); mask true at pads.</summary>
    public Tensor forward(Tensor src, Tensor values, Tensor? mask = null)
    {
        using var scope = NewDisposeScope();
        var x = encoder.forward(src) + value_encoder.forward(values);
        if (bn is not null) x = ApplyBatchNorm(bn, x);
        var h = transformer_encoder.forward(x, null, mask);
        return scope.MoveToOuter(cls_decoder.forward(h.select(1, 0)));
    }
}
