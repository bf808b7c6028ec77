using System.Globalization;
using System.Text.Json;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Testing;

namespace ScRepro.Evaluation.Tests.Perturbation;

/// <summary>
/// One case written by tests/fixtures/evaluation/perturbation/scripts/celleval_reference.py: the inputs (log1p CSR X,
/// labels, genes) and the values its transcription of cell-eval 0.8.1 / pdex 0.2.5 computed (numpy, scipy, sklearn).
/// </summary>
internal sealed class FixtureCase
{
    private readonly JsonElement _root;

    private FixtureCase(JsonElement root) => _root = root;

    public static FixtureCase Load(string name)
    {
        var text = File.ReadAllText(TestPaths.Fixture("evaluation", "perturbation", name + ".json"));
        return new FixtureCase(JsonDocument.Parse(text).RootElement.Clone());
    }

    public string Control => _root.GetProperty("control").GetString()!;
    public string PertCol => _root.GetProperty("pert_col").GetString()!;
    public string[] Genes => _root.GetProperty("genes").EnumerateArray().Select(e => e.GetString()!).ToArray();
    public JsonElement Expected => _root.GetProperty("expected");
    public string[] Perturbations => Expected.GetProperty("perturbations").EnumerateArray().Select(e => e.GetString()!).ToArray();

    public ScRepro.AnnData.AnnotatedData Real() => Build("real");
    public ScRepro.AnnData.AnnotatedData Pred() => Build("pred");

    /// <summary>The expected value of results[metric][i]: null, NaN or a number.</summary>
    public double?[] ExpectedColumn(string metric) =>
        Expected.GetProperty("results").GetProperty(metric).EnumerateArray().Select(Decode).ToArray();

    public double? ExpectedAgg(string metric, string statistic) =>
        Decode(Expected.GetProperty("agg").GetProperty(metric).GetProperty(statistic));

    public double?[] ExpectedDe(string side, string target, string column) =>
        Expected.GetProperty(side + "_de").GetProperty(target).GetProperty(column).EnumerateArray().Select(Decode).ToArray();

    public static double? Decode(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => e.GetString() switch
        {
            "NaN" => double.NaN,
            "inf" => double.PositiveInfinity,
            "-inf" => double.NegativeInfinity,
            var s => throw new FormatException("unexpected string " + s),
        },
        _ => e.GetDouble(),
    };

    private ScRepro.AnnData.AnnotatedData Build(string side)
    {
        var s = _root.GetProperty(side);
        var labels = s.GetProperty("labels").EnumerateArray().Select(e => e.GetString()).ToArray();
        var indptr = s.GetProperty("indptr").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var indices = s.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var data = s.GetProperty("data").EnumerateArray()
            .Select(e => float.Parse(e.GetString()!, CultureInfo.InvariantCulture)).ToArray();
        var genes = Genes;
        var x = new CsrMatrix(labels.Length, genes.Length, indptr, indices, data);
        var obs = new DataFrame(labels.Select((_, i) => $"cell{i}").ToArray());
        obs.Add(CategoricalColumn.FromLabels(PertCol, labels));
        return new ScRepro.AnnData.AnnotatedData(x, obs, new DataFrame(genes));
    }
}
