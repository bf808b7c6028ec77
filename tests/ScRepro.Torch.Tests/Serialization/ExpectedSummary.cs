using System.Text.Json;
using ScRepro.Testing;
using ScRepro.Torch.Serialization;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>
/// Compares a C# inspect summary with FILE.expected.json, which make_fixtures.py computed with torch itself
/// (sum = float(t.double().sum()), first = t.flatten()[:3].tolist(), names by walking torch.load's tree).
/// </summary>
internal static class ExpectedSummary
{
    public static string Path(string file) => TestPaths.Fixture("checkpoints", file);

    /// <param name="file">Fixture whose .expected.json to use.</param>
    /// <param name="actual">Our summary.</param>
    /// <param name="format">Expected format when the tensors were rewritten into another container.</param>
    public static void AssertMatches(string file, CheckpointSummary actual, string? format = null)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path(file) + ".expected.json"));
        var root = doc.RootElement;
        Assert.Equal(format ?? root.GetProperty("format").GetString(), actual.Format);
        var expected = root.GetProperty("tensors").EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.GetProperty("name").GetString()), actual.Tensors.Select(t => t.Name));
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual.Tensors[i];
            var where = $"{file}: tensor {a.Name}";
            Assert.True(e.GetProperty("dtype").GetString() == a.Dtype, $"{where}: dtype {a.Dtype}");
            Assert.True(e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).SequenceEqual(a.Shape), $"{where}: shape");
            var sum = e.GetProperty("sum").GetDouble();
            // torch sums pairwise in double, we sum with compensation: equal to a few ulps of the magnitude.
            Assert.True(Math.Abs(sum - a.Sum) <= 1e-12 * Math.Max(1, Math.Abs(sum)), $"{where}: sum {a.Sum} vs torch {sum}");
            var first = e.GetProperty("first").EnumerateArray().ToList();
            Assert.True(first.Count == a.First.Count, $"{where}: {a.First.Count} first values, torch has {first.Count}");
            for (var j = 0; j < first.Count; j++)
            {
                switch (a.First[j])
                {
                    case long l:
                        Assert.True(first[j].GetInt64() == l, $"{where}: first[{j}] {l} vs torch {first[j]}");
                        break;
                    case double d:
                        // float32/16/bf16 values widen exactly to double, as python's tolist() does: exact equality.
                        Assert.True(first[j].GetDouble() == d, $"{where}: first[{j}] {d:R} vs torch {first[j]}");
                        break;
                    default:
                        Assert.Fail($"{where}: first[{j}] is a {a.First[j].GetType().Name}");
                        break;
                }
            }
        }
    }
}
