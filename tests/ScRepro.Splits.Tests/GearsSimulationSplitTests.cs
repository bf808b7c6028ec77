using System.Text.Json;
using ScRepro.Foundation.Errors;
using ScRepro.Splits.Gears;
using ScRepro.Testing;

namespace ScRepro.Splits.Tests;

/// <summary>
/// Expected splits come from tests/fixtures/splits/gears_splits.json, made by scripts/make_gears_splits.py: a
/// transcription of GEARS' DataSplitter simulation path run with Debian's numpy 1.24.2 and pandas 1.5.3, including
/// GEARS' groupby step that orders set2conditions. Lists are compared with their order.
/// </summary>
public sealed class GearsSimulationSplitTests
{
    private static readonly JsonElement Fixture =
        JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("splits", "gears_splits.json"))).RootElement;

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    private static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Should_match_the_GEARS_transcription_in_membership_and_order(string name)
    {
        var c = Fixture.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var conditions = Strings(Fixture.GetProperty("lists").GetProperty(c.GetProperty("list").GetString()!));
        var exclude = Strings(c.GetProperty("exclude"));
        var seed = c.GetProperty("seed").GetInt64();
        var tgs = c.GetProperty("train_gene_set_size").GetDouble();
        var split = c.GetProperty("split").GetString() == "simulation"
            ? GearsSimulationSplit.Simulation(conditions, seed, tgs, c.GetProperty("combo_seen2_train_frac").GetDouble(), exclude)
            : GearsSimulationSplit.SimulationSingle(conditions, seed, tgs, exclude);

        Assert.Equal(Strings(c.GetProperty("train")), split.Train);
        Assert.Equal(Strings(c.GetProperty("val")), split.Val);
        Assert.Equal(Strings(c.GetProperty("test")), split.Test);
        foreach (var group in c.GetProperty("subgroup").EnumerateObject())
        {
            var ours = split.Subgroup[group.Name];
            Assert.Equal(group.Value.EnumerateObject().Select(p => p.Name).Order(), ours.Keys.Order());
            foreach (var list in group.Value.EnumerateObject())
                Assert.Equal(Strings(list.Value), ours[list.Name]);
        }
        Assert.Equal(exclude.Length, split.Excluded.Count);
    }

    [Fact]
    public void Should_not_depend_on_input_order_for_membership()
    {
        // gears-split.md §0: which part a condition lands in does not depend on the input order.
        var conditions = Strings(Fixture.GetProperty("lists").GetProperty("norman_like"));
        var a = GearsSimulationSplit.Simulation(conditions, 42, 0.75);
        var b = GearsSimulationSplit.Simulation(conditions.Reverse().ToArray(), 42, 0.75);
        Assert.Equal(a.Train.Order(StringComparer.Ordinal), b.Train.Order(StringComparer.Ordinal));
        Assert.Equal(a.Test.Order(StringComparer.Ordinal), b.Test.Order(StringComparer.Ordinal));
        Assert.NotEqual(a.Train, b.Train); // ... but the order of the lists does
    }

    [Fact]
    public void Should_truncate_the_gene_count_like_python_int()
    {
        // 100 genes × 0.58 = 57.99999999999999 in IEEE doubles → int() gives 57 (gears-split.md §2 step 3).
        var conditions = Enumerable.Range(0, 100).Select(i => $"G{i:D3}+ctrl").ToArray();
        var stage = GearsSimulationSplit.StageSingle(conditions, 0.58, 1);
        Assert.Equal(57, stage.Train.Count);
    }

    [Fact]
    public void Should_refuse_inputs_GEARS_would_crash_on()
    {
        Assert.Throws<ScReproException>(() => GearsSimulationSplit.Simulation(["ctrl", "A+ctrl", "B"], 1, 0.75));
        Assert.Throws<ScReproException>(() => GearsSimulationSplit.SimulationSingle(["A+ctrl", "A+B"], 1, 0.75));
        Assert.Throws<ScReproException>(() => GearsSimulationSplit.Simulation(["A+ctrl", "B+ctrl"], 1, 0.75, exclude: ["C+ctrl"]));
        Assert.Throws<ScReproException>(() => GearsSimulationSplit.Simulation(["A+ctrl", "ctrl+ctrl"], 1, 0.75));
    }
}
