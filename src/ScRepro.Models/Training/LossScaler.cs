using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Training;

/// <summary>
/// torch.cuda.amp.GradScaler with PyTorch's defaults: the loss is multiplied by a scale (initially 2^16) so that small
/// fp16 gradients do not flush to zero; gradients are divided by it before clipping; a step whose gradients overflowed
/// is skipped and the scale halved; after 2000 overflow-free steps in a row the scale doubles.
/// </summary>
public sealed class LossScaler(LossScaleState? resumed = null)
{
    public const double InitialScale = 65536.0;
    public const double GrowthFactor = 2.0;
    public const double BackoffFactor = 0.5;
    public const int GrowthInterval = 2000;

    private double _scale = resumed?.Scale ?? InitialScale;
    private int _growthTracker = resumed?.GrowthTracker ?? 0;

    /// <summary>The scale and the overflow-free steps since it last changed, for a checkpoint.</summary>
    public LossScaleState State => new(_scale, _growthTracker);

    /// <summary>scaler.scale(loss).</summary>
    public Tensor Scale(Tensor loss) => loss * _scale;

    /// <summary>scaler.unscale_(optimizer): divides every gradient by the scale.</summary>
    public void Unscale(IEnumerable<Parameter> parameters)
    {
        // PyTorch multiplies by the float32 reciprocal of the scale; the scale is a power of two, so this is exact.
        var inverse = (double)(float)(1.0 / _scale);
        using var scope = NewDisposeScope(); // each .grad read is a new handle
        using var _ = no_grad();
        foreach (var p in parameters) p.grad?.mul_(inverse);
    }

    /// <summary>scaler.step + scaler.update: steps unless the unscaled gradient norm overflowed; returns whether it stepped.</summary>
    public bool StepAndUpdate(optim.Optimizer optimizer, double gradNorm)
    {
        if (!double.IsFinite(gradNorm))
        {
            _scale *= BackoffFactor;
            _growthTracker = 0;
            return false;
        }
        optimizer.step();
        if (++_growthTracker == GrowthInterval)
        {
            _scale *= GrowthFactor;
            _growthTracker = 0;
        }
        return true;
    }
}
