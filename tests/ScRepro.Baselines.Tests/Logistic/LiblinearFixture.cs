using System.Text.Json;
using ScRepro.AnnData.Matrices;
using ScRepro.Testing;

namespace ScRepro.Baselines.Tests.Logistic;

/// <summary>tests/fixtures/baselines/logistic_liblinear.json, made by scripts/make_logistic_fixture.py (sklearn 1.2.1).</summary>
internal sealed class LiblinearFixture
{
    private LiblinearFixture(JsonElement root)
    {
        Root = root;
        var n = root.GetProperty("n_cells").GetInt32();
        var g = root.GetProperty("n_genes").GetInt32();
        Counts = new CsrMatrix(n, g, Ints(root, "indptr"), Ints(root, "indices"),
            root.GetProperty("data").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray());
        Labels = Strings(root, "labels");
        Train = Ints(root, "train");
        Test = Ints(root, "test");
    }

    public static LiblinearFixture Instance { get; } = new(
        JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("baselines", "logistic_liblinear.json"))).RootElement);

    public JsonElement Root { get; }
    public CsrMatrix Counts { get; }
    public string[] Labels { get; }
    public int[] Train { get; }
    public int[] Test { get; }

    public string[] LabelsOf(IEnumerable<int> rows) => rows.Select(r => Labels[r]).ToArray();

    public static int[] Ints(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetInt32()).ToArray();
    public static double[] Doubles(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();
    public static string[] Strings(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetString()!).ToArray();
    public static double[][] Matrix(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
}
