namespace ScRepro.Baselines.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Should_load_the_assembly_under_test() =>
        Assert.Equal("ScRepro.Baselines", typeof(ScRepro.Baselines.AssemblyMarker).Assembly.GetName().Name);
}
