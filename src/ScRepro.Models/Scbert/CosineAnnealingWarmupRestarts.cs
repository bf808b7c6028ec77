using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scbert;

/// <summary>
/// The scheduler scBERT's utils.py carries (annotation-models.md §2.4), stepped once per epoch: a linear warm-up from
/// min_lr to max_lr over <c>warmup</c> steps, then a half cosine back to min_lr over the rest of the cycle; each new
/// cycle is <c>cycle_mult</c> times longer (minus the warm-up) and peaks at max_lr·gamma^cycle. Its constructor sets
/// the learning rate to min_lr after the base class's first step, so the first epoch trains at min_lr (1e-6).
/// </summary>
public sealed class CosineAnnealingWarmupRestarts : optim.lr_scheduler.LRScheduler
{
    private readonly bool _ready;
    private readonly double _baseMaxLr;
    private readonly double _minLr;
    private readonly int _warmup;
    private readonly double _cycleMult;
    private readonly double _gamma;
    private int _cycleSteps;
    private int _cycle;
    private int _stepInCycle;

    public CosineAnnealingWarmupRestarts(optim.Optimizer optimizer, int firstCycleSteps, double cycleMult = 1, double maxLr = 0.1,
        double minLr = 0.001, int warmupSteps = 0, double gamma = 1) : base(optimizer, -1)
    {
        if (warmupSteps >= firstCycleSteps) throw new ArgumentException($"warm-up ({warmupSteps}) must be shorter than the first cycle ({firstCycleSteps})");
        (_baseMaxLr, _minLr, _warmup, _cycleMult, _gamma, _cycleSteps) = (maxLr, minLr, warmupSteps, cycleMult, gamma, firstCycleSteps);
        // The base constructor's step took step_in_cycle from -1 to 0; then init_lr() puts every group at min_lr.
        _stepInCycle = 0;
        foreach (var g in optimizer.param_groups) g.LearningRate = minLr;
        _ready = true;
    }

    protected override IList<double> get_lr()
    {
        if (!_ready) return get_last_lr();
        _stepInCycle++;
        if (_stepInCycle >= _cycleSteps)
        {
            _cycle++;
            _stepInCycle -= _cycleSteps;
            _cycleSteps = (int)((_cycleSteps - _warmup) * _cycleMult) + _warmup;
        }
        var maxLr = _baseMaxLr * Math.Pow(_gamma, _cycle);
        double lr = _stepInCycle < _warmup
            ? (maxLr - _minLr) * _stepInCycle / _warmup + _minLr
            : _minLr + (maxLr - _minLr) * (1 + Math.Cos(Math.PI * (_stepInCycle - _warmup) / (_cycleSteps - _warmup))) / 2;
        return optimizer.param_groups.Select(_ => lr).ToList();
    }
}
