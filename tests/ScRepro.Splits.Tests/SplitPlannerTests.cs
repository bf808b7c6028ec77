using System.Text.Json;
using System.Text.Json.Nodes;
using ScRepro.Foundation.Errors;
using ScRepro.Splits.Files;
using ScRepro.Testing;

namespace ScRepro.Splits.Tests;

/// <summary>
/// The pipeline's entry point. Expected members come from tests/fixtures/splits/h5ad_splits.json
/// (scripts/make_h5ad_fixtures.py: sklearn, imblearn and numpy run on the same .h5ad files through python3-anndata).
/// </summary>
public sealed class SplitPlannerTests
{
    private static readonly JsonElement Expected =
        JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("splits", "h5ad_splits.json"))).RootElement;

    private static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    private static readonly string PbmcPath = TestPaths.Shared("data", "pbmc68k_reduced.h5ad");

    [Fact]
    public void Should_make_the_GEARS_split_of_an_h5ad_condition_column()
    {
        var exp = Expected.GetProperty("perturb_small");
        var input = H5adSplitInputs.Conditions(TestPaths.Fixture("splits", "perturb_small.h5ad"), "condition");
        Assert.Equal(Strings(exp.GetProperty("conditions")), input.Conditions);
        var split = SplitPlanner.Make("gears_simulation", 1,
            new Dictionary<string, object?> { ["train_gene_set_size"] = 0.75, ["combo_seen2_train_frac"] = 0.75 }, input);
        Assert.Equal(Strings(exp.GetProperty("train")), split.Train);
        Assert.Equal(Strings(exp.GetProperty("val")), split.Val);
        Assert.Equal(Strings(exp.GetProperty("test")), split.Test);
        Assert.Equal(Strings(exp.GetProperty("subgroup").GetProperty("test_subgroup").GetProperty("combo_seen2")),
            split.Subgroup!["test_subgroup"]["combo_seen2"]);
        Assert.Equal("condition", split.Unit);
        Assert.Null(split.ClassCounts);
    }

    [Fact]
    public void Should_make_Boiarskys_stratified_split_of_pbmc68k_reduced()
    {
        // Uses ../shared/data/pbmc68k_reduced.h5ad (read in place, never copied).
        var input = H5adSplitInputs.Obs(PbmcPath, "bulk_labels", "phase") with { SourceLockHash = "sha256:abc" };
        var split = SplitPlanner.Make("stratified", 2022, new Dictionary<string, object?> { ["test_size"] = 0.2 }, input);
        var exp = Expected.GetProperty("pbmc_stratified");
        Assert.Equal(Strings(exp.GetProperty("train")), split.Train);
        Assert.Equal(Strings(exp.GetProperty("test")), split.Test);
        Assert.Equal(140, split.Counts["test"]);            // ceil(0.2 × 700)
        Assert.Equal(48, split.ClassCounts!["test"]["Dendritic"]); // 240 Dendritic cells × 0.2
        Assert.Equal("sha256:abc", split.SourceLockHash);
        Assert.Equal(0.2, split.Parameters["test_size"]);
    }

    [Fact]
    public void Should_make_few_shot_resampled_and_holdout_splits_of_pbmc68k_reduced()
    {
        var input = H5adSplitInputs.Obs(PbmcPath, "bulk_labels", "phase");
        var fewshot = SplitPlanner.Make("fewshot", 1, new Dictionary<string, object?> { ["fraction"] = 0.25 }, input);
        Assert.Equal(Strings(Expected.GetProperty("pbmc_fewshot_uniform_025_seed1")), fewshot.Train);
        Assert.Equal(Strings(Expected.GetProperty("pbmc_stratified").GetProperty("test")), fewshot.Test);
        Assert.Equal((object)2022, fewshot.Parameters["base_seed"]);

        var over = SplitPlanner.Make("resample", 42, new Dictionary<string, object?> { ["method"] = "oversample" }, input);
        Assert.Equal(Strings(Expected.GetProperty("pbmc_oversample_42")), over.Train);
        Assert.Single(over.ClassCounts!["train"].Values.Distinct()); // every class at the majority count

        var hold = SplitPlanner.Make("holdout", 0, new Dictionary<string, object?> { ["test_batches"] = new[] { "S" } }, input);
        Assert.Equal(Strings(Expected.GetProperty("pbmc_holdout_phase_S").GetProperty("train")), hold.Train);
        Assert.Equal(Strings(Expected.GetProperty("pbmc_holdout_phase_S").GetProperty("test")), hold.Test);
    }

    [Fact]
    public void Should_order_numeric_labels_by_value_like_numpy()
    {
        var exp = Expected.GetProperty("pbmc_numeric");
        var labels = exp.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var input = SplitInput.FromObs(Strings(exp.GetProperty("names")), labels, numericLabels: true);
        var split = SplitPlanner.Make("stratified", 5, new Dictionary<string, object?> { ["test_size"] = 0.3 }, input);
        Assert.Equal(Strings(exp.GetProperty("train")), split.Train);
        Assert.Equal(Strings(exp.GetProperty("test")), split.Test);
    }

    [Fact]
    public void Should_accept_parameters_as_json_elements_and_be_deterministic()
    {
        var p = JsonSerializer.Deserialize<Dictionary<string, object?>>("{\"train_gene_set_size\": 0.75, \"exclude\": [\"B+ctrl\"]}")!;
        var input = SplitInput.FromConditions(["ctrl", "A+ctrl", "B+ctrl", "C+ctrl", "A+C", "D+ctrl", "ctrl+E"]) with
        {
            Provenance = new JsonObject { ["by"] = "test" },
        };
        var a = SplitPlanner.Make("gears_simulation", 3, p, input);
        var b = SplitPlanner.Make("gears_simulation", 3, p, input);
        Assert.Equal(ScRepro.Foundation.IO.Json.Serialize(a), ScRepro.Foundation.IO.Json.Serialize(b));
        Assert.DoesNotContain("B+ctrl", a.Train.Concat(a.Val).Concat(a.Test));
        Assert.Equal(new[] { "B+ctrl" }, (string[])a.Parameters["exclude"]!);
        Assert.Equal(0.75, a.Parameters["combo_seen2_train_frac"]); // defaults are recorded
    }

    [Fact]
    public void Should_accept_parameters_typed_as_the_manifest_yaml_reader_types_them()
    {
        // ScRepro.Core's YamlValues gives long for integers, double for floats and List<object?> for sequences.
        var input = H5adSplitInputs.Obs(PbmcPath, "bulk_labels", "phase");
        var yaml = SplitPlanner.Make("stratified", 2022, new Dictionary<string, object?> { ["test_size"] = 0.2, ["split_index"] = 0L }, input);
        Assert.Equal(Strings(Expected.GetProperty("pbmc_stratified").GetProperty("test")), yaml.Test);
        var hold = SplitPlanner.Make("holdout", 0, new Dictionary<string, object?> { ["test_batches"] = new List<object?> { "S" } }, input);
        Assert.Equal(Strings(Expected.GetProperty("pbmc_holdout_phase_S").GetProperty("test")), hold.Test);
        // an integer test_size is a count, as in sklearn
        var count = SplitPlanner.Make("stratified", 2022, new Dictionary<string, object?> { ["test_size"] = 100L }, input);
        Assert.Equal(100, count.Counts["test"]);
    }

    [Fact]
    public void Should_refuse_bad_parameters_and_inputs_with_one_clear_error()
    {
        var obs = SplitInput.FromObs(["a", "b", "c", "d"], ["x", "x", "y", "y"]);
        var e = Assert.Throws<ScReproException>(() =>
            SplitPlanner.Make("stratified", 1, new Dictionary<string, object?> { ["tset_size"] = 0.5 }, obs));
        Assert.Contains("tset_size", e.Message);
        Assert.Throws<ScReproException>(() => SplitPlanner.Make("nope", 1, new Dictionary<string, object?>(), obs));
        Assert.Throws<ScReproException>(() => SplitPlanner.Make("gears_simulation", 1, new Dictionary<string, object?>(), obs));
        Assert.Throws<ScReproException>(() => SplitPlanner.Make("holdout", 1, new Dictionary<string, object?> { ["test_batches"] = "b1" }, obs));
        Assert.Throws<ScReproException>(() => SplitPlanner.Make("fewshot", 1, new Dictionary<string, object?> { ["fraction"] = "lots" }, obs));
        var dup = SplitInput.FromObs(["a", "a"], ["x", "y"]);
        Assert.Throws<ScReproException>(() => SplitPlanner.Make("train_test", 1, new Dictionary<string, object?> { ["stratify"] = false }, dup));
    }

    [Fact]
    public void Should_import_a_GEARS_pickle_split_with_the_same_hash_as_ours()
    {
        var fixture = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("splits", "gears_splits.json"))).RootElement;
        var conditions = Strings(fixture.GetProperty("lists").GetProperty("norman_like"));
        var input = SplitInput.FromConditions(conditions);
        var ours = SplitPlanner.Make("gears_simulation", 42, new Dictionary<string, object?> { ["train_gene_set_size"] = 0.75 }, input);
        var imported = SplitPlanner.Make("file", 42, new Dictionary<string, object?>
        {
            ["gears_split"] = TestPaths.Fixture("splits", "norman_like_s42_simulation_42_0.75.pkl"),
            ["gears_subgroup"] = TestPaths.Fixture("splits", "norman_like_s42_simulation_42_0.75_subgroup.pkl"),
        }, input);
        Assert.Equal(ours.MembershipHash, imported.MembershipHash);
        var other = SplitPlanner.Make("gears_simulation", 1, new Dictionary<string, object?> { ["train_gene_set_size"] = 0.75 }, input);
        Assert.NotEqual(ours.MembershipHash, other.MembershipHash);
    }
}
