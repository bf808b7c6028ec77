using System.Diagnostics;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Modules;
using ScRepro.Models.Training;
using ScRepro.Torch;
using ScRepro.Torch.Modules;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.DeviceChecks;

/// <summary>
/// Training steps of the perturbation generator as the fine-tuning loop takes them (autocast around forward and loss,
/// scaled backward, unscale, clip at 1.0, Adam, the loss scale's skip-and-back-off), on one fixed random batch whose
/// target the affine decoder can learn (0.5 × values), so the loss must fall. Used to time a step on a device and to
/// check fp16 autocast with loss scaling there. Attention dropout is 0, as the fine-tuning recipes set it.
/// </summary>
public sealed class GeneratorSteps : IDisposable
{
    private readonly TransformerGenerator _model;
    private readonly optim.Optimizer _optimizer;
    private readonly MixedPrecision _precision;
    private readonly Parameter[] _trainable;
    private readonly Tensor _src, _values, _flags, _target;
    private readonly Device _device;

    public GeneratorSteps(StepShape shape, Device device, bool amp, long seed)
    {
        _device = device;
        manual_seed(seed);
        if (device.type == DeviceType.CUDA) cuda.manual_seed_all(seed);
        var config = new ScgptConfig
        {
            Variant = ScgptVariant.Generator, NToken = shape.NToken, DModel = shape.DModel, NHead = shape.NHead,
            DHid = shape.DHid, NLayers = shape.NLayers, NCls = 1, PadTokenId = shape.NToken - 3, PertPadId = 0,
        };
        _model = new TransformerGenerator(config);
        _model.to(device);
        _model.train();
        _trainable = _model.parameters().ToArray();
        _optimizer = optim.Adam(_trainable, lr: 1e-4);
        _precision = MixedPrecision.For(amp, device);
        _src = randint(0, shape.NToken - 3, [shape.Batch, shape.Tokens], device: device);
        _values = rand([shape.Batch, shape.Tokens], device: device) * 4;
        _flags = (rand([shape.Batch, shape.Tokens], device: device) < 0.02).to(ScalarType.Int64);
        _target = _values * 0.5;
        Precision = _precision.Note;
    }

    /// <summary>What the steps train in (fp16 autocast with a loss scale only on CUDA with amp).</summary>
    public string Precision { get; }

    /// <summary>The current loss scale; null in fp32.</summary>
    public double? LossScale => _precision.State?.Scale;

    /// <summary>One step; the device is synchronised before the clock stops.</summary>
    public StepOutcome Step()
    {
        using var scope = NewDisposeScope();
        var clock = Stopwatch.StartNew();
        Tensor output, loss;
        using (_precision.Autocast())
        {
            output = _model.forward(_src, _values, _flags);
            loss = nn.functional.mse_loss(output, _target);
        }
        _optimizer.zero_grad();
        _precision.Scale(loss).backward();
        _precision.Unscale(_trainable);
        var norm = nn.utils.clip_grad_norm_(_trainable, 1.0);
        var stepped = _precision.StepAndUpdate(_optimizer, norm);
        var lossValue = loss.item<float>();
        if (_device.type == DeviceType.CUDA) cuda.synchronize(_device.index < 0 ? 0 : _device.index);
        return new StepOutcome(clock.Elapsed.TotalSeconds, lossValue, stepped, output.dtype.ToString());
    }

    public void Dispose()
    {
        _model.Dispose();
        foreach (var t in new[] { _src, _values, _flags, _target }) t.Dispose();
    }
}
