using System.Text.Json;
using ScRepro.Testing;

namespace ScRepro.Models.Tests;

/// <summary>Reads tests/fixtures/models (made by tests/fixtures/models/scripts/make_scgpt_fixtures.py).</summary>
internal static class Fixtures
{
    public static string Path(params string[] parts) => TestPaths.Fixture(["models", .. parts]);

    public static JsonElement Json(string name) => JsonDocument.Parse(File.ReadAllText(Path(name))).RootElement;

    /// <summary>A [[key, [shape…]], …] listing as ordered pairs.</summary>
    public static List<KeyValuePair<string, long[]>> Listing(JsonElement keys) =>
        keys.EnumerateArray()
            .Select(e => new KeyValuePair<string, long[]>(e[0].GetString()!, e[1].EnumerateArray().Select(x => x.GetInt64()).ToArray()))
            .ToList();

    public static float[][] Floats2(JsonElement e) =>
        e.EnumerateArray().Select(r => r.EnumerateArray().Select(x => (float)x.GetDouble()).ToArray()).ToArray();

    public static long[][] Longs2(JsonElement e) =>
        e.EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetInt64()).ToArray()).ToArray();
}
