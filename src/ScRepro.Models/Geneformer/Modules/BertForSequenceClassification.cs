using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Geneformer.Modules;

/// <summary>
/// Geneformer's cell classifier (HF BertForSequenceClassification; annotation-models.md §3.4): bert → pooler →
/// dropout (classifier_dropout or hidden_dropout_prob) → classifier Linear(hidden, labels).
/// </summary>
public sealed class BertForSequenceClassification : Module<Tensor, Tensor, Tensor>
{
    private readonly BertModel bert;
    private readonly Dropout dropout;
    private readonly Linear classifier;

    public BertForSequenceClassification(GeneformerConfig config, int numLabels) : base(nameof(BertForSequenceClassification))
    {
        Config = config;
        bert = new BertModel(config);
        dropout = Dropout(config.HeadDropout);
        classifier = Linear(config.HiddenSize, numLabels);
        RegisterComponents();
        // HF's _init_weights for the new head (and every module before from_pretrained overwrites it): N(0, 0.02), bias 0.
        using var _ = no_grad();
        foreach (var (name, p) in named_parameters())
        {
            if (name.EndsWith("LayerNorm.weight", StringComparison.Ordinal)) p.fill_(1);
            else if (name.EndsWith(".bias", StringComparison.Ordinal)) p.zero_();
            else p.normal_(0, 0.02);
        }
        bert.Embeddings.WordEmbeddings.weight[config.PadTokenId].zero_();
    }

    public GeneformerConfig Config { get; }

    public BertModel Bert => bert;

    /// <summary>The classification logits (batch, labels).</summary>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        return Logits(bert.forward(inputIds, attentionMask)).MoveToOuterDisposeScope();
    }

    /// <summary>Logits from last hidden states (so a caller can keep both).</summary>
    public Tensor Logits(Tensor hidden)
    {
        using var scope = NewDisposeScope();
        return classifier.forward(dropout.forward(bert.Pooler.forward(hidden))).MoveToOuterDisposeScope();
    }
}
