namespace ScRepro.Models.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Should_load_the_assembly_under_test() =>
        Assert.Equal("ScRepro.Models", typeof(ScRepro.Models.AssemblyMarker).Assembly.GetName().Name);
}
