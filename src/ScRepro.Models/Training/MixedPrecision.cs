using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Training;

/// <summary>
/// The tutorials' `amp`: torch.cuda.amp.autocast(dtype=float16) around the forward pass and loss, and a
/// <see cref="LossScaler"/> around the backward pass. Only on a GPU: without CUDA, PyTorch's autocast(enabled=True)
/// leaves CPU ops in float32 and its GradScaler disables itself with a warning, so a CPU run with amp on trains in
/// float32 here too, and <see cref="Note"/> says so on the card.
/// </summary>
public sealed class MixedPrecision
{
    private readonly LossScaler? _scaler;

    private MixedPrecision(LossScaler? scaler, string note)
    {
        _scaler = scaler;
        Note = note;
    }

    /// <summary>fp16 with a loss scale when <paramref name="amp"/> is set and the device is CUDA, else fp32.</summary>
    /// <param name="resumed">The loss scale a checkpoint recorded, so a resumed run continues with it.</param>
    public static MixedPrecision For(bool amp, Device device, LossScaleState? resumed = null) =>
        !amp ? new(null, "fp32 (hyperparameters.amp is false)")
        : device.type == DeviceType.CUDA ? new(new LossScaler(resumed), "fp16 autocast with a dynamic loss scale (hyperparameters.amp is true)")
        : new(null, "fp32: hyperparameters.amp is true, but fp16 autocast needs a GPU (PyTorch's GradScaler disables itself on CPU too)");

    /// <summary>True when losses are scaled (fp16 training).</summary>
    public bool Scaled => _scaler is not null;

    /// <summary>What the run trains in, for the card.</summary>
    public string Note { get; }

    /// <summary>The loss scale for a checkpoint (null in fp32).</summary>
    public LossScaleState? State => _scaler?.State;

    /// <summary>An autocast region for the forward pass and the loss (nothing in fp32).</summary>
    public IDisposable Autocast() => Scaled ? autocast(DeviceType.CUDA, ScalarType.Float16) : NoRegion.Instance;

    public Tensor Scale(Tensor loss) => _scaler?.Scale(loss) ?? loss;

    public void Unscale(IEnumerable<Parameter> parameters) => _scaler?.Unscale(parameters);

    /// <summary>Steps the optimiser unless the gradient norm is not finite (and then updates the scale); returns whether it stepped.</summary>
    public bool StepAndUpdate(optim.Optimizer optimizer, double gradNorm)
    {
        if (_scaler is not null) return _scaler.StepAndUpdate(optimizer, gradNorm);
        if (!double.IsFinite(gradNorm)) return false;
        optimizer.step();
        return true;
    }

    private sealed class NoRegion : IDisposable
    {
        public static readonly NoRegion Instance = new();

        public void Dispose() { }
    }
}
