using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Nightly.Tests;

public sealed class NightlyManifestTests
{
    private static string Error(string yaml)
    {
        using var dir = TestPaths.NewTempDir();
        File.WriteAllText(dir.File("nightly.yaml"), yaml);
        return Assert.Throws<ScReproException>(() => NightlyManifest.Load(dir.File("nightly.yaml"))).Message;
    }

    [Fact]
    public void Should_read_the_projects_nightly_manifest_with_both_demos()
    {
        var m = NightlyManifest.Load(Path.Combine(TestPaths.RepoRoot, "manifests", "nightly.yaml"));
        Assert.Contains(m.Experiments, e => e.Id == "demo" && !e.OnlyWhenDataPresent);
        Assert.Contains(m.Experiments, e => e.Id == "demo_annotation" && !e.OnlyWhenDataPresent);
        Assert.All(m.Experiments, e => Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, "manifests", "experiments", e.Id + ".yaml")), e.Id));
        Assert.Equal("reports/golden", m.Golden);
        Assert.Equal(FailOn.Break, m.FailOn);
    }

    [Theory]
    [InlineData("experiments: [{id: demo, profile: retrain, wen: always}]\n", "experiments[0].wen': unknown key")]
    [InlineData("experiments: [{id: demo, profile: retrain, when: sometimes}]\n", "'sometimes' is not one of: always, data_present")]
    [InlineData("experiments: [{id: ../demo, profile: retrain}]\n", "must match")]
    [InlineData("experiments: [{id: demo, profile: retrain}, {id: demo, profile: retrain}]\n", "'demo' is listed twice")]
    [InlineData("experiments: []\n", "list at least one experiment")]
    [InlineData("experiments: [{id: demo, profile: retrain}]\ngolden: ../elsewhere\n", "key 'golden'")]
    [InlineData("experiments: [{id: demo, profile: retrain}]\ngolden: /etc\n", "key 'golden'")]
    [InlineData("experiments: [{id: demo, profile: retrain}]\nfail_on: sometimes\n", "'sometimes' is not one of: break, drift")]
    [InlineData("experiments: [{id: demo, profile: retrain}]\nhistory: {keep: 1}\n", "keep must be between 2 and 10000")]
    [InlineData("experiments: [{id: demo}]\n", "profile': required field is missing")]
    public void Should_refuse_a_bad_manifest_naming_the_key(string yaml, string expected)
    {
        var message = Error(yaml);
        Assert.Contains("nightly.yaml:", message);
        Assert.Contains(expected, message);
    }
}
