namespace ScRepro.Torch.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Should_load_the_assembly_under_test() =>
        Assert.Equal("ScRepro.Torch", typeof(ScRepro.Torch.AssemblyMarker).Assembly.GetName().Name);
}
