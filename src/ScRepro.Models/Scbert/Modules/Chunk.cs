using ScRepro.Torch;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>
/// Performer's Chunk wrapper with ff_chunks = 1: the feed-forward applied in one piece. It exists for its place in
/// the key path (<c>layers.i.1.fn.fn.w1</c>), which checkpoints carry.
/// </summary>
public sealed class Chunk : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fn;

    public Chunk(Module<Tensor, Tensor> fn) : base(nameof(Chunk))
    {
        this.fn = fn;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => fn.forward(input);
}
