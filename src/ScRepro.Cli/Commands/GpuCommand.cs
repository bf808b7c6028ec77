using System.CommandLine;
using System.Globalization;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Models.DeviceChecks;
using static ScRepro.Torch.torch;

namespace ScRepro.Cli.Commands;

/// <summary>
/// `screpro gpu parity|amp|time`: the checks the GPU bundle (artifacts/gpu-bundle/run.sh) runs on a machine with a GPU,
/// beside the same steps in PyTorch. Each also runs on a CPU, which is how the bundle is dry-run here.
/// </summary>
internal static class GpuCommand
{
    public static Command Create()
    {
        var command = new Command("gpu", "Device checks for a GPU machine: forward parity, fp16 autocast + loss scaling, step timing");
        command.Subcommands.Add(Parity());
        command.Subcommands.Add(Amp());
        command.Subcommands.Add(Time());
        return command;
    }

    private static Option<string> DeviceOption() => new("--device")
    {
        Description = "cuda, cuda:N or cpu (default: cuda when libtorch sees a GPU, else cpu)",
        DefaultValueFactory = _ => cuda.is_available() ? "cuda" : "cpu",
    };

    private static Option<string> SizeOption(string dflt) => new("--size")
    {
        Description = "full (scGPT whole-human, 12 layers, d512, batch 64 x 1,536 tokens), small (2 layers, d64, batch 8 x 128) or demo (the CPU demo model, batch 32 x 300)",
        DefaultValueFactory = _ => dflt,
    };

    private static Option<FileInfo?> JsonOption() => new("--json") { Description = "also write the result as JSON here" };

    private static Device ParseDevice(string text)
    {
        Device device;
        try { device = new Device(text); }
        catch (ArgumentException e) { throw new ScReproException($"--device: {e.Message}"); }
        if (device.type == Torch.DeviceType.CUDA && !cuda.is_available())
            throw new ScReproException($"--device {text}: libtorch {__version__} sees no GPU (built without CUDA, or no driver)");
        return device;
    }

    private static StepShape ParseSize(string text) => text switch
    {
        "full" => StepShape.FullSize,
        "small" => StepShape.Small,
        "demo" => StepShape.Demo,
        _ => throw new ScReproException($"--size: '{text}' is not full, small or demo"),
    };

    private static void Save(FileInfo? file, object value)
    {
        if (file is not null) Json.WriteFile(file.FullName, value);
    }

    private static Command Parity()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "folder for weights.pt, inputs.pt, outputs.pt and case.json", Required = true };
        var device = DeviceOption();
        var seed = new Option<long>("--seed") { Description = "seed of the weights and the batch", DefaultValueFactory = _ => 20261202 };
        var c = new Command("parity", "Write a forward-parity case (random weights, padded batch) and its output on the CPU and the device") { output, device, seed };
        c.SetAction(parse => CommandRunner.Run(() =>
        {
            var result = ForwardParityCase.Write(parse.GetValue(output)!.FullName, ParseDevice(parse.GetValue(device)!), parse.GetValue(seed));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"parity case on {result.Device} (libtorch {result.Libtorch}, {result.Attention}): max |cpu - device| = {result.MaxAbsCpuVsDevice:G3} over unpadded positions"));
            // Float32 on both sides: different kernels reorder sums, but 1e-4 on outputs of order 1 would be a wrong op.
            return result.MaxAbsCpuVsDevice <= 1e-4 ? 0 : 1;
        }));
        return c;
    }

    private static Command Amp()
    {
        var device = DeviceOption();
        var size = SizeOption("small");
        var steps = new Option<int>("--steps") { Description = "optimiser steps", DefaultValueFactory = _ => 50 };
        var json = JsonOption();
        var c = new Command("amp", "Train the generator for N steps with fp16 autocast and the dynamic loss scale; check dtype, finiteness, skips and that the loss falls")
        {
            device, size, steps, json,
        };
        c.SetAction(parse => CommandRunner.Run(() =>
        {
            var result = AmpCheck.Run(ParseSize(parse.GetValue(size)!), ParseDevice(parse.GetValue(device)!), parse.GetValue(steps), 20261202);
            Save(parse.GetValue(json), result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"amp on {result.Device}: {result.Precision}; output {result.OutputDtype}; {result.Steps} steps, {result.Skipped} skipped; " +
                $"loss {result.Losses[0]:G4} -> {result.Losses[^1]:G4}; loss scale {result.FinalLossScale?.ToString("G", CultureInfo.InvariantCulture) ?? "none"}"));
            foreach (var p in result.Problems) Console.WriteLine("  FAIL: " + p);
            Console.WriteLine(result.Passed ? "amp check: PASS" : "amp check: FAIL");
            return result.Passed ? 0 : 1;
        }));
        return c;
    }

    private static Command Time()
    {
        var device = DeviceOption();
        var size = SizeOption("full");
        var steps = new Option<int>("--steps") { Description = "timed steps", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "untimed steps first", DefaultValueFactory = _ => 2 };
        var noAmp = new Option<bool>("--no-amp") { Description = "train in fp32 (default: amp, as the perturbation recipe)" };
        var json = JsonOption();
        var c = new Command("time", "Seconds per perturbation fine-tuning step of the generator (forward, loss, backward, clip, Adam) and the attention kernel")
        {
            device, size, steps, warmup, noAmp, json,
        };
        c.SetAction(parse => CommandRunner.Run(() =>
        {
            var result = StepTiming.Measure(ParseSize(parse.GetValue(size)!), ParseDevice(parse.GetValue(device)!), !parse.GetValue(noAmp),
                parse.GetValue(warmup), parse.GetValue(steps), 20261202);
            Save(parse.GetValue(json), result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"screpro step on {result.Device}: best {result.BestSeconds:F4} s, median {result.MedianSeconds:F4} s over {result.StepSeconds.Count} steps; " +
                $"{result.Precision}; attention: {result.Attention}, kernel {result.AttentionKernel}; {result.Shape}"));
            return 0;
        }));
        return c;
    }
}
