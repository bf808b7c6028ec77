namespace ScRepro.Evaluation.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Should_load_the_assembly_under_test() =>
        Assert.Equal("ScRepro.Evaluation", typeof(ScRepro.Evaluation.AssemblyMarker).Assembly.GetName().Name);
}
