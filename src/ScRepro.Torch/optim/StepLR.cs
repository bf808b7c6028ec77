using static ScRepro.Torch.torch.optim;
using static ScRepro.Torch.torch.optim.lr_scheduler;

namespace ScRepro.Torch.Modules;

/// <summary>Multiplies each group's learning rate by gamma every step_size epochs.</summary>
public sealed class StepLR : LRScheduler
{
    private readonly int _stepSize;
    private readonly double _gamma;

    public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) : base(optimizer, Init(step_size, last_epoch))
    {
        _stepSize = step_size;
        _gamma = gamma;
    }

    // The base constructor calls get_lr() before our fields are set; at epoch 0 nothing changes, so that is safe.
    private static int Init(int stepSize, int lastEpoch) =>
        stepSize > 0 ? lastEpoch : throw new ArgumentException($"step_size must be positive, got {stepSize}");

    protected override IList<double> get_lr() =>
        optimizer.param_groups.Select(g => last_epoch == 0 || _stepSize == 0 || last_epoch % _stepSize != 0 ? g.LearningRate : g.LearningRate * _gamma).ToList();
}
