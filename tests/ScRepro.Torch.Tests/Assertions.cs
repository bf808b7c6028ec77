using Xunit;
using static ScRepro.Torch.torch;

namespace ScRepro.Torch.Tests;

internal static class Assertions
{
    /// <summary>Largest absolute difference must be within <paramref name="tolerance"/>; the message names the tensor.</summary>
    public static void Close(Tensor expected, Tensor actual, double tolerance, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var scope = NewDisposeScope();
        var diff = (expected.to(ScalarType.Float64) - actual.to(ScalarType.Float64)).abs().max().item<double>();
        Assert.True(diff <= tolerance, $"{what}: max |difference| {diff:E3} exceeds {tolerance:E0}");
    }
}
