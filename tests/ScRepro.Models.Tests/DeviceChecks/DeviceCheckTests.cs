using ScRepro.Models.DeviceChecks;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Modules;
using ScRepro.Torch.Serialization;
using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Tests.DeviceChecks;

/// <summary>
/// The GPU bundle's checks, run on the CPU as its dry run does: the parity case must be a self-consistent set of files
/// (its weights, loaded strictly into a fresh model, reproduce the stored output, which parity.py then compares with
/// PyTorch's), and the amp check must train in float32 on a CPU and still see the loss fall.
/// </summary>
public sealed class DeviceCheckTests
{
    [Fact]
    public void Should_write_a_parity_case_whose_weights_reproduce_its_stored_output()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"parity-{Guid.NewGuid():N}");
        try
        {
            var result = ForwardParityCase.Write(dir, CPU, 11);
            Assert.Equal(0.0, result.MaxAbsCpuVsDevice);   // the "device" is the CPU here: same kernels, same order
            using var scope = NewDisposeScope();
            var sd = TorchCheckpoint.ReadStateDict(Path.Combine(dir, "weights.pt"));
            var config = ForwardParityCase.Config;
            var report = StateDictMatcher.Match(sd.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Shape.ToArray())).ToList(),
                ScgptParameters.For(config), LoadMode.Strict, "weights.pt");
            using var model = new TransformerGenerator(config);
            ScgptWeights.Load(model, sd, report);
            model.eval();
            var inputs = TorchCheckpoint.ReadStateDict(Path.Combine(dir, "inputs.pt")).ToDictionary(kv => kv.Key, kv => TensorBridge.ToTensor(kv.Value));
            var stored = TensorBridge.ToTensor(TorchCheckpoint.ReadStateDict(Path.Combine(dir, "outputs.pt")).Single(kv => kv.Key == "cpu").Value);
            using var _ = no_grad();
            var again = model.forward(inputs["src"], inputs["values"], inputs["flags"], inputs["mask"]);
            Assert.Equal(stored.data<float>(), again.data<float>());
            // The first row ends in padded keys, so the case exercises the attention mask.
            Assert.True(inputs["mask"][0].any().item<bool>());
            Assert.False(inputs["mask"][1].any().item<bool>());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Should_pass_the_amp_check_on_a_cpu_in_float32()
    {
        var result = AmpCheck.Run(StepShape.Small with { Batch = 4, Tokens = 32 }, CPU, 20, 3);
        Assert.True(result.Passed, string.Join("; ", result.Problems));
        Assert.Equal("Float32", result.OutputDtype);
        Assert.Null(result.FinalLossScale);
        Assert.StartsWith("fp32", result.Precision);
        Assert.True(result.Losses[^1] < result.Losses[0]);
    }
}
