using ScRepro.Torch.Serialization;

namespace ScRepro.Bench;

/// <summary>
/// Reading and writing a checkpoint shaped like scGPT's whole-human best_model.pt (research/scgpt.md §5: 60697×512
/// gene embedding plus 12 encoder layers, ≈ 200 MB float32) against torch.load / torch.save on the same file.
/// </summary>
public sealed class CheckpointBenchmark : IBenchmark
{
    public string Name => "checkpoint";

    public void Run(BenchContext context)
    {
        var path = Path.Combine(context.WorkDir, "scgpt_shaped.pt");
        if (!File.Exists(path)) TorchCheckpoint.WriteStateDict(path, ScgptShaped());
        var mb = new FileInfo(path).Length / 1e6;

        var read = BenchContext.Time(() => TorchCheckpoint.ReadStateDict(path));
        const string load = "import sys,time,torch\nr=[]\nfor _ in range(3):\n    t=time.perf_counter(); torch.load(sys.argv[1], map_location='cpu'); r.append(time.perf_counter()-t)\nprint(r)";
        var readRef = ParseSeconds(BenchContext.RunPython(load, path));
        context.Report(Name, $"read zip state dict ({mb:F0} MB)", read, readRef, "torch.load");
        // The line above runs python under the shim's malloc settings (no trimming, 1 GB top pad: BenchContext.ShimAllocator),
        // which keep each freed 200 MB for the next load, so its second and third loads copy into memory already
        // faulted in. A user's python has glibc's defaults, where each load maps and faults in fresh pages, as each of
        // our reads does (managed arrays): both peers are reported.
        var readDefault = ParseSeconds(BenchContext.RunPython(["-c", load, path], new Dictionary<string, string>()));
        context.Report(Name, $"read zip state dict ({mb:F0} MB), peer on glibc defaults", read, readDefault, "torch.load");

        var loaded = TorchCheckpoint.ReadStateDict(path);
        var copy = Path.Combine(context.WorkDir, "scgpt_shaped_copy.pt");
        var write = BenchContext.Time(() => TorchCheckpoint.WriteStateDict(copy, loaded));
        var writeRef = ParseSeconds(BenchContext.RunPython(
            "import sys,time,torch\nsd=torch.load(sys.argv[1]); r=[]\nfor _ in range(3):\n    t=time.perf_counter(); torch.save(sd, sys.argv[2]); r.append(time.perf_counter()-t)\nprint(r)", path, copy + ".torch"));
        context.Report(Name, $"write zip state dict ({mb:F0} MB)", write, writeRef, "torch.save");

        var inspect = BenchContext.Time(() => CheckpointInspector.Inspect(path));
        var inspectRef = ParseSeconds(BenchContext.RunPython(
            "import sys,time,torch\nr=[]\nfor _ in range(3):\n    t=time.perf_counter(); sd=torch.load(sys.argv[1]); [float(v.double().sum()) for v in sd.values()]; r.append(time.perf_counter()-t)\nprint(r)", path));
        context.Report(Name, "inspect (load + float64 sums)", inspect, inspectRef, "torch.load+sum");
    }

    private static Timing? ParseSeconds(string? stdout) => Timing.Parse(stdout);

    /// <summary>Seeded pseudo-random float32 tensors with scGPT's shapes (values do not matter for timing).</summary>
    private static IEnumerable<KeyValuePair<string, StoredTensor>> ScgptShaped()
    {
        var rng = new Random(0);
        StoredTensor Randn(params long[] shape)
        {
            var n = shape.Aggregate(1L, (a, b) => a * b);
            var values = new float[n];
            for (var i = 0; i < n; i++) values[i] = (float)(rng.NextDouble() - 0.5);
            return StoredTensor.FromFloats(shape, values);
        }
        yield return new("encoder.embedding.weight", Randn(60697, 512));
        for (var l = 0; l < 12; l++)
        {
            var p = $"transformer_encoder.layers.{l}.";
            yield return new(p + "self_attn.Wqkv.weight", Randn(1536, 512));
            yield return new(p + "self_attn.Wqkv.bias", Randn(1536));
            yield return new(p + "self_attn.out_proj.weight", Randn(512, 512));
            yield return new(p + "linear1.weight", Randn(512, 512));
            yield return new(p + "linear2.weight", Randn(512, 512));
            yield return new(p + "norm1.weight", Randn(512));
        }
    }
}
