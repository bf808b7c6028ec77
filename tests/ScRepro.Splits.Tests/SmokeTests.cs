namespace ScRepro.Splits.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Should_load_the_assembly_under_test() =>
        Assert.Equal("ScRepro.Splits", typeof(ScRepro.Splits.AssemblyMarker).Assembly.GetName().Name);
}
