namespace ScRepro.Pipeline.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Should_load_the_assembly_under_test() =>
        Assert.Equal("ScRepro.Pipeline", typeof(ScRepro.Pipeline.AssemblyMarker).Assembly.GetName().Name);
}
