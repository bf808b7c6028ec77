using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Testing;

namespace ScRepro.Core.Tests.Manifests;

/// <summary>A model manifest's optional resources: block, read as strictly as every other key.</summary>
public sealed class ModelResourcesTests
{
    private const string Model = "id: m1\nkind: train_mean\ntask: perturbation\ntitle: T\n";

    private static ModelManifest Load(TempDir dir, string extra)
    {
        var path = Path.Combine(dir.Path, "m1.yaml");
        File.WriteAllText(path, Model + extra);
        return ManifestLoader.LoadModel(path);
    }

    [Fact]
    public void Should_read_every_resource_field()
    {
        using var dir = TestPaths.NewTempDir();
        var m = Load(dir, "resources: {cpus: 4, mem_gb: 7.5, gpus: 1, time_min: 90, partition: gpu-a100}\n");
        Assert.Equal(new ModelResources(4, 7.5, 1, 90, "gpu-a100"), m.Resources);
    }

    [Fact]
    public void Should_leave_every_field_to_the_cluster_without_a_resources_block()
    {
        using var dir = TestPaths.NewTempDir();
        Assert.Equal(ModelResources.None, Load(dir, "").Resources);
    }

    [Theory]
    [InlineData("resources: {cpus: 2, gpu: 1}\n", "m1.yaml:5: key 'resources.gpu': unknown key")]
    [InlineData("resources: {cpus: 0}\n", "key 'resources.cpus': must be at least 1, got 0")]
    [InlineData("resources: {cpus: two}\n", "key 'resources.cpus': expected an integer, got 'two'")]
    [InlineData("resources: {mem_gb: -1}\n", "key 'resources.mem_gb': must be a positive number of GB")]
    [InlineData("resources: {time_min: 0}\n", "key 'resources.time_min': must be at least 1, got 0")]
    [InlineData("resources: {partition: \"gpu; rm -rf /\"}\n", "key 'resources.partition': 'gpu; rm -rf /' is not a partition name")]
    [InlineData("resources: [cpus]\n", "key 'resources': expected a mapping")]
    public void Should_refuse_a_bad_resource_naming_file_and_key(string extra, string expected)
    {
        using var dir = TestPaths.NewTempDir();
        var e = Assert.Throws<ScReproException>(() => Load(dir, extra));
        Assert.Contains(expected, e.Message);
        Assert.Equal(2, e.ExitCode);
    }
}
