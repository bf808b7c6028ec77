using System.Text.Json;
using ScRepro.Contracts;
using ScRepro.Pipeline.Training;

namespace ScRepro.Pipeline.Stages;

/// <summary>Reads the parts and membership hash of the experiment's split file (written by the Splits stage).</summary>
public static class SplitFileView
{
    public static string PathFor(RunContext ctx) => Path.Combine(ctx.RunDir, "splits", "split.json");

    public static SplitMembers Read(RunContext ctx)
    {
        var path = PathFor(ctx);
        if (!File.Exists(path))
            throw new UpstreamMissingException($"no split file {Path.GetRelativePath(ctx.Root, path)}");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        IReadOnlyList<string> Part(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];
        var train = Part("train");
        var val = Part("val");
        var test = Part("test");
        var policy = root.TryGetProperty("policy", out var pol) ? pol.GetString() ?? "?" : "?";
        return new SplitMembers(train, val, test, root.GetProperty("membership_hash").GetString()!, policy,
            $"{train.Count} train / {val.Count} val / {test.Count} test");
    }
}
