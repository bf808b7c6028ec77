using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>
/// scBERT's PerformerLM: token embedding + the position rows (added in float64, then rounded to float32, as upstream's
/// in-place <c>x += pos_emb(x)</c> does) → Performer → LayerNorm → <c>to_out</c>: the pretraining Linear(dim, 7) or,
/// after <see cref="ReplaceHead"/>, the fine-tuning <see cref="ClassifierHead"/>. No rotary or layer position
/// embedding, no mask, embedding dropout 0.
/// </summary>
public sealed class PerformerLM : Module<Tensor, Tensor>
{
    private readonly Embedding token_emb;
    private readonly Gene2VecEmbedding? pos_emb;
    private readonly Performer performer;
    private readonly LayerNorm norm;
    private Module<Tensor, Tensor> to_out;

    public PerformerLM(ScbertConfig config) : base(nameof(PerformerLM))
    {
        Config = config;
        token_emb = Embedding(config.NumTokens, config.Dim);
        if (config.PositionEmbedding != PositionEmbedding.None) pos_emb = new Gene2VecEmbedding(config.SeqLen, config.Dim);
        performer = new Performer(config.Dim, config.Depth, config.Heads, config.DimHead, config.Features, config.FeatureRedrawInterval);
        norm = LayerNorm(config.Dim);
        to_out = Linear(config.Dim, config.NumTokens);
        RegisterComponents();
    }

    public ScbertConfig Config { get; }

    public Performer Performer => performer;

    public Gene2VecEmbedding? PositionRows => pos_emb;

    public LayerNorm Norm => norm;

    public Module<Tensor, Tensor> Head => to_out;

    /// <summary>Replaces <c>to_out</c> (finetune.py: <c>model.to_out = Identity(…)</c>); the key keeps its place in the state dict.</summary>
    public void ReplaceHead(Module<Tensor, Tensor> head)
    {
        var old = to_out;
        to_out = head;
        register_module("to_out", head);
        old.Dispose();
    }

    /// <summary>The embedded input: float32 token rows plus the float64 position rows, summed in float64 and rounded.</summary>
    public Tensor Embed(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var x = token_emb.forward(tokens);
        if (pos_emb is null) return x.MoveToOuterDisposeScope();
        return (x.to(ScalarType.Float64) + pos_emb.forward(x)).to(x.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>The final-LayerNorm encodings (batch, positions, dim): <c>return_encodings=True</c>.</summary>
    public Tensor Encode(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        return norm.forward(performer.forward(Embed(tokens))).MoveToOuterDisposeScope();
    }

    /// <summary>Logits of <c>to_out</c> for token ids (batch, positions).</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        return to_out.forward(Encode(tokens)).MoveToOuterDisposeScope();
    }
}
