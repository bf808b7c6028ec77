namespace ScRepro.AnnData.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Should_load_the_assembly_under_test() =>
        Assert.Equal("ScRepro.AnnData", typeof(ScRepro.AnnData.AssemblyMarker).Assembly.GetName().Name);
}
