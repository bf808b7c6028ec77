using ScRepro.Foundation.Errors;
using ScRepro.Testing;
using ScRepro.Verification.Tolerances;

namespace ScRepro.Verification.Tests;

/// <summary>tolerances.yaml is read strictly, like every manifest, and resolves overrides in a stated order.</summary>
public sealed class ToleranceModelTests
{
    private const string Profiles = """
        profiles:
          reevaluate: {reproduced: {atol: 1.0e-9, rtol: 1.0e-7}, broken: {atol: 1.0e-6, rtol: 1.0e-4}}
          cross_implementation: {reproduced: {atol: 1.0e-7}, broken: {atol: 1.0e-4}}
          repredict: {reproduced: {atol: 1.0e-3, sd_k: 3}, broken: {atol: 1.0e-2, sd_k: 6}}
          retrain:
            description: "retrained"
            reproduced: {atol: 5.0e-3, rtol: 0.02, sd_k: 2}
            broken: {atol: 2.0e-2, rtol: 0.10, sd_k: 4}
        """;

    private static ToleranceModel Load(string yaml, TempDir dir)
    {
        var file = dir.File("tolerances.yaml");
        File.WriteAllText(file, yaml);
        return ToleranceModel.Load(file);
    }

    private static string Error(string yaml)
    {
        using var dir = TestPaths.NewTempDir();
        return Assert.Throws<ScReproException>(() => Load(yaml, dir)).Message;
    }

    [Fact]
    public void Should_read_the_projects_tolerances_file_with_the_four_profiles()
    {
        var model = ToleranceModel.Load(Path.Combine(TestPaths.RepoRoot, "manifests", "tolerances.yaml"));
        Assert.Equal(ToleranceModel.RequiredProfiles.Order(), model.Profiles.Keys.Order());
        Assert.Contains("wall_clock_s", model.Informational);
        Assert.True(model.Bands("retrain", "accuracy").Fraction);
        Assert.Matches("^[0-9a-f]{64}$", model.Sha256);
    }

    [Fact]
    public void Should_apply_the_all_profile_override_then_the_profile_override()
    {
        using var dir = TestPaths.NewTempDir();
        var model = Load(Profiles + """

            metrics:
              de_nsig_counts_real:
                reproduced: {rtol: 0.01}
                broken: {rtol: 0.1}
                profiles: {retrain: {reproduced: {rtol: 0.05}, broken: {atol: 1}}}
            informational: [wall_clock_s]
            """, dir);
        var retrain = model.Bands("retrain", "de_nsig_counts_real");
        Assert.Equal(new ToleranceBand(5e-3, 0.05, 2), retrain.Reproduced);   // profile override wins
        Assert.Equal(new ToleranceBand(1, 0.10, 4), retrain.Broken);          // untouched fields stay the profile's
        Assert.Equal(new ToleranceBand(1e-9, 0.01, null), model.Bands("reevaluate", "de_nsig_counts_real").Reproduced);
        Assert.Equal(new ToleranceBand(1e-6, 0.1, null), model.Bands("reevaluate", "de_nsig_counts_real").Broken);
        Assert.Equal(model.Profile("retrain").Reproduced, model.Bands("retrain", "mse").Reproduced);
        Assert.True(model.Bands("repredict", "wall_clock_s").Informational);
        Assert.False(model.Bands("repredict", "mse").Informational);
    }

    [Fact]
    public void Should_hash_values_not_layout()
    {
        using var a = TestPaths.NewTempDir();
        using var b = TestPaths.NewTempDir();
        var one = Load(Profiles + "\ninformational: [wall_clock_s]\n", a);
        var two = Load("# a comment\n" + Profiles.Replace("1.0e-9", "0.000000001") + "\ninformational:\n  - wall_clock_s\n", b);
        Assert.Equal(one.Sha256, two.Sha256);
        using var c = TestPaths.NewTempDir();
        Assert.NotEqual(one.Sha256, Load(Profiles.Replace("atol: 5.0e-3", "atol: 6.0e-3") + "\n", c).Sha256);
    }

    [Fact]
    public void Should_refuse_an_unknown_key_naming_file_line_and_key()
    {
        var message = Error(Profiles.Replace("reproduced: {atol: 1.0e-3, sd_k: 3}", "reproduced: {atol: 1.0e-3, sdk: 3}"));
        Assert.Contains("tolerances.yaml:4:", message);
        Assert.Contains("profiles.repredict.reproduced.sdk", message);
        Assert.Contains("unknown key", message);
    }

    [Fact]
    public void Should_refuse_a_missing_profile()
    {
        var message = Error(string.Join('\n', Profiles.Split('\n').Where(l => !l.Contains("repredict", StringComparison.Ordinal))));
        Assert.Contains("profile 'repredict' is missing", message);
    }

    [Fact]
    public void Should_refuse_a_broken_band_narrower_than_the_reproduced_band()
    {
        Assert.Contains("narrower", Error(Profiles.Replace("broken: {atol: 1.0e-4}", "broken: {atol: 1.0e-8}")));
        // sd_k in the reproduced band only: the broken band would be narrower wherever the seeds' spread decides.
        Assert.Contains("narrower", Error(Profiles.Replace("broken: {atol: 1.0e-2, sd_k: 6}", "broken: {atol: 1.0e-2}")));
        // An override that inverts one profile's bands is refused too, naming that profile.
        Assert.Contains("profile reevaluate", Error(Profiles + "\nmetrics:\n  mse: {reproduced: {atol: 1.0e-5}}\n"));
    }

    [Theory]
    [InlineData("atol: 5.0e-3, rtol: 0.02", "atol: -1, rtol: 0.02", "must be a finite number >= 0")]
    [InlineData("atol: 5.0e-3, rtol: 0.02", "atol: '0.005', rtol: 0.02", "expected a number")]
    [InlineData("atol: 5.0e-3, rtol: 0.02", "rtol: 0.02", "atol': required field is missing")]
    public void Should_refuse_bad_band_values(string from, string to, string expected) =>
        Assert.Contains(expected, Error(Profiles.Replace(from, to)));

    [Fact]
    public void Should_refuse_overrides_that_name_no_profile_or_set_nothing()
    {
        Assert.Contains("no profile 'retrian'", Error(Profiles + "\nmetrics:\n  mse: {profiles: {retrian: {broken: {atol: 1}}}}\n"));
        Assert.Contains("at least one of", Error(Profiles + "\nmetrics:\n  mse: {broken: {}}\n"));
        Assert.Contains("expected true or false", Error(Profiles + "\nmetrics:\n  accuracy: {fraction: yes}\n"));
        Assert.Contains("listed twice", Error(Profiles + "\ninformational: [a, a]\n"));
    }

    [Fact]
    public void Should_refuse_malformed_yaml_and_name_an_unknown_profile_on_lookup()
    {
        Assert.Contains("malformed YAML", Error("profiles: [\n"));
        using var dir = TestPaths.NewTempDir();
        var model = Load(Profiles + "\n", dir);
        var e = Assert.Throws<ScReproException>(() => model.Bands("retrainn", "mse"));
        Assert.Contains("no tolerance profile 'retrainn'", e.Message);
    }
}
