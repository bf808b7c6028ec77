using ScRepro.Torch;
using static ScRepro.Torch.torch;
using static ScRepro.Torch.torch.nn;

namespace ScRepro.Models.Scbert.Modules;

/// <summary>
/// The layer stack plus the redraw schedule as upstream counts it (auto_check_redraw): each training-mode forward
/// first checks the 0-dim int64 buffer <c>calls_since_last_redraw</c>; at the interval it redraws every layer's
/// projection (frozen layers too) and resets the counter to 0, otherwise it adds 1. So with interval N the redraws
/// fall at calls N+1, 2N+2, …; eval-mode calls neither count nor redraw.
/// </summary>
public sealed class Performer : Module<Tensor, Tensor>
{
    private readonly Tensor calls_since_last_redraw;
    private readonly PerformerStack net;

    public Performer(int dim, int depth, int heads, int dimHead, int features, int redrawInterval) : base(nameof(Performer))
    {
        RedrawInterval = redrawInterval;
        calls_since_last_redraw = tensor(0L);
        net = new PerformerStack(Enumerable.Range(0, depth).Select(_ => new PerformerBlock(dim, heads, dimHead, features)));
        RegisterComponents();
    }

    public int RedrawInterval { get; }

    public PerformerStack Net => net;

    /// <summary>The counter buffer's value.</summary>
    public long CallsSinceLastRedraw => calls_since_last_redraw.item<long>();

    /// <summary>How many redraws this instance made (for the card and the S6 test).</summary>
    public int Redraws { get; private set; }

    public override Tensor forward(Tensor input)
    {
        if (training) CheckRedraw();
        return net.forward(input);
    }

    private void CheckRedraw()
    {
        using var _ = no_grad();
        if (CallsSinceLastRedraw >= RedrawInterval)
        {
            foreach (var layer in net.Layers) layer.FastAttention.Redraw();
            calls_since_last_redraw.zero_();
            Redraws++;
            return;
        }
        calls_since_last_redraw.add_(1);
    }
}
