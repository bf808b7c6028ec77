using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Torch.Modules;

/// <summary>A lookup table, N(0, 1) initialised; the padding_idx row starts at zero and gets no gradient.</summary>
public sealed class Embedding : Module<Tensor, Tensor>
{
    public Parameter weight;

    public Embedding(long num_embeddings, long embedding_dim, long? padding_idx = null, Device? device = null, ScalarType? dtype = null) : base(nameof(Embedding))
    {
        if (padding_idx is { } p)
        {
            if (p >= num_embeddings || p < -num_embeddings)
                throw new ArgumentException($"padding_idx {p} must be within num_embeddings {num_embeddings}");
            this.padding_idx = p < 0 ? p + num_embeddings : p;
        }
        weight = new Parameter(empty([num_embeddings, embedding_dim], dtype, device));
        init.normal_(weight);
        if (this.padding_idx is { } row)
            using (no_grad()) weight[row].fill_(0);
        RegisterComponents();
    }

    public long? padding_idx { get; }

    public override Tensor forward(Tensor input) => functional.embedding(input, weight, padding_idx);
}
