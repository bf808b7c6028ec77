using System.Text.Json;
using ScRepro.Foundation.Errors;
using ScRepro.Pickle;
using ScRepro.Splits.Pickle;
using ScRepro.Testing;

namespace ScRepro.Splits.Tests;

/// <summary>
/// Pickles written by CPython 3.11's pickle.dump (scripts/make_pickles.py, scripts/make_gears_splits.py); expected
/// contents are the dicts those scripts pickled.
/// </summary>
public sealed class GearsPicklesTests
{
    [Theory]
    [InlineData("pickle_subgroup_p0.pkl")]
    [InlineData("pickle_subgroup_p2.pkl")]
    [InlineData("pickle_subgroup_p5.pkl")]
    public void Should_read_GEARS_shaped_subgroups_in_every_protocol_including_numpy_str(string file)
    {
        var sub = GearsPickles.ReadSubgroup(TestPaths.Fixture("splits", file));
        Assert.Equal(["A+B"], sub["test_subgroup"]["combo_seen0"]);
        Assert.Empty(sub["test_subgroup"]["combo_seen1"]);
        Assert.Equal(["C+D", "É+ctrl"], sub["test_subgroup"]["combo_seen2"]);
        Assert.Equal(["E+F", "G+ctrl"], sub["val_subgroup"]["combo_seen0"]);   // np.str_('E+F') in protocols 2 and 5
        Assert.Equal(["ÅÄ+日本"], sub["val_subgroup"]["combo_seen1"]);
    }

    [Fact]
    public void Should_refuse_a_pickle_that_would_run_code_and_name_the_global()
    {
        var path = TestPaths.Fixture("splits", "pickle_evil.pkl");
        var e = Assert.Throws<ScReproException>(() => GearsPickles.ReadSplit(path));
        Assert.Contains("posix.system", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Should_refuse_truncated_or_foreign_bytes()
    {
        var full = File.ReadAllBytes(TestPaths.Fixture("splits", "pickle_subgroup_p5.pkl"));
        Assert.Throws<ScReproException>(() => Unpickler.Load(full[..(full.Length / 2)], "half.pkl", new NumpyScalarAllowList()));
        Assert.Throws<ScReproException>(() => Unpickler.Load("not a pickle"u8.ToArray(), "text.pkl", new NumpyScalarAllowList()));
    }

    [Fact]
    public void Should_read_the_GEARS_pickles_of_the_transcribed_split_exactly()
    {
        // norman_like_s42 pickles were dumped by make_gears_splits.py from the same split it recorded in gears_splits.json.
        var fixture = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("splits", "gears_splits.json"))).RootElement;
        var c = fixture.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "norman_like_s42");
        var split = GearsPickles.ReadSplit(TestPaths.Fixture("splits", "norman_like_s42_simulation_42_0.75.pkl"));
        var sub = GearsPickles.ReadSubgroup(TestPaths.Fixture("splits", "norman_like_s42_simulation_42_0.75_subgroup.pkl"));
        foreach (var part in new[] { "train", "val", "test" })
            Assert.Equal(c.GetProperty(part).EnumerateArray().Select(e => e.GetString()), split[part]);
        Assert.Equal(c.GetProperty("subgroup").GetProperty("val_subgroup").GetProperty("combo_seen1").EnumerateArray().Select(e => e.GetString()),
            sub["val_subgroup"]["combo_seen1"]);
    }
}
