using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Modules;
using ScRepro.Torch;
using ScRepro.Torch.Serialization;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.DeviceChecks;

/// <summary>
/// One forward-parity case for a device: a seeded TransformerGenerator with every weight random (so a mis-wired one
/// shows), a batch whose first row ends in padded keys (the attention mask path, fused or explicit), and the eval-mode
/// output on the CPU and on the device. It writes weights.pt, inputs.pt, outputs.pt and case.json; the GPU bundle's
/// parity.py loads the same weights into PyTorch's definition (tests/fixtures/models/scripts/make_scgpt_fixtures.py)
/// on the same device and compares.
/// </summary>
public static class ForwardParityCase
{
    /// <summary>Small enough to run anywhere, big enough for several heads, layers and a real softmax row.</summary>
    public static readonly ScgptConfig Config = new()
    {
        Variant = ScgptVariant.Generator, NToken = 67, DModel = 64, NHead = 4, DHid = 96, NLayers = 3, NLayersCls = 3,
        NCls = 1, PadTokenId = 64, PertPadId = 0,
    };

    private const int Batch = 4, Tokens = 48, PaddedKeys = 5;

    /// <summary>Writes the case into <paramref name="dir"/> and returns max |CPU − device| over unpadded positions.</summary>
    public static ParityResult Write(string dir, Device device, long seed)
    {
        Directory.CreateDirectory(dir);
        using var scope = NewDisposeScope();
        manual_seed(seed);
        using var model = new TransformerGenerator(Config);
        using (no_grad())
        {
            // As the fixture script's randomise(): every tensor N(0, 0.3²); running variances positive.
            foreach (var (name, tensor) in model.state_dict())
            {
                if (tensor.dtype == ScalarType.Int64) { tensor.fill_(7); continue; }
                var fresh = name.EndsWith("running_var", StringComparison.Ordinal) ? rand(tensor.shape) + 0.5 : randn(tensor.shape) * 0.3;
                tensor.copy_(fresh);
            }
        }
        model.eval();
        var src = randint(0, Config.PadTokenId, [Batch, Tokens]);
        var values = rand(Batch, Tokens) * 3;
        var flags = (rand(Batch, Tokens) < 0.1).to(ScalarType.Int64);
        var mask = zeros([Batch, Tokens], ScalarType.Bool);
        mask[0, TensorIndex.Slice(Tokens - PaddedKeys, null)] = tensor(true);
        src[0, TensorIndex.Slice(Tokens - PaddedKeys, null)] = tensor((long)Config.PadTokenId);

        Tensor cpuOut, deviceOut;
        using (no_grad())
        {
            cpuOut = model.forward(src, values, flags, mask);
            model.to(device);
            deviceOut = model.forward(src.to(device), values.to(device), flags.to(device), mask.to(device)).cpu();
            model.to(CPU);
        }
        TorchCheckpoint.WriteStateDict(Path.Combine(dir, "weights.pt"),
            model.state_dict().Select(kv => KeyValuePair.Create(kv.Key, TensorBridge.ToStored(kv.Value))).ToList());
        TorchCheckpoint.WriteStateDict(Path.Combine(dir, "inputs.pt"),
        [
            KeyValuePair.Create("src", TensorBridge.ToStored(src)), KeyValuePair.Create("values", TensorBridge.ToStored(values)),
            KeyValuePair.Create("flags", TensorBridge.ToStored(flags)), KeyValuePair.Create("mask", TensorBridge.ToStored(mask)),
        ]);
        TorchCheckpoint.WriteStateDict(Path.Combine(dir, "outputs.pt"),
            [KeyValuePair.Create("cpu", TensorBridge.ToStored(cpuOut)), KeyValuePair.Create("device", TensorBridge.ToStored(deviceOut))]);
        var keep = mask.logical_not();
        var maxDiff = (cpuOut - deviceOut).abs().masked_select(keep).max().item<float>();
        var result = new ParityResult(device.ToString(), torch.__version__, AttentionPath.Describe(), maxDiff,
            Config.NToken, Config.DModel, Config.NHead, Config.DHid, Config.NLayers, Config.NLayersCls, Config.PadTokenId,
            Config.PertPadId, Batch, Tokens, PaddedKeys);
        Foundation.IO.Json.WriteFile(Path.Combine(dir, "case.json"), result);
        return result;
    }
}
