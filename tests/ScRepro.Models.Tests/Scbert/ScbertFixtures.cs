using System.Text.Json;
using ScRepro.Models.Scbert;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Tests.Scbert;

/// <summary>tests/fixtures/models/scbert (made by tests/fixtures/models/scripts/make_scbert_fixtures.py under torch 1.13).</summary>
internal static class ScbertFixtures
{
    /// <summary>The script's TINY configuration: 10 genes + CLS, dim 16, 2 layers, 2 heads of 8, 16 random features.</summary>
    public static ScbertConfig Tiny { get; } = new(NumTokens: 7, Dim: 16, Depth: 2, Heads: 2, DimHead: 8, NbFeatures: 16, SeqLen: 11);

    public static string Path(string name) => Fixtures.Path("scbert", name);

    public static JsonElement Json(string name) => Fixtures.Json(System.IO.Path.Combine("scbert", name));

    public static float[] Floats(JsonElement e) => e.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray();

    public static Tensor Tokens(JsonElement e)
    {
        var rows = Fixtures.Longs2(e);
        return tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length], ScalarType.Int64);
    }

    public static double MaxAbs(float[] expected, float[] actual)
    {
        if (expected.Length != actual.Length) throw new ArgumentException($"{expected.Length} expected values, {actual.Length} actual");
        return expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
    }
}
