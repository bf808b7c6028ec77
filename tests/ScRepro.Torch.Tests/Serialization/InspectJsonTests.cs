using System.Text.Json;
using ScRepro.Foundation.IO;
using ScRepro.Torch.Serialization;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>The JSON `screpro checkpoint inspect --json` prints (Json.Serialize of the summary), against issue 7 item 5.</summary>
public sealed class InspectJsonTests
{
    [Fact]
    public void Should_print_the_issue_shape_with_numbers_only()
    {
        using var doc = JsonDocument.Parse(Json.Serialize(CheckpointInspector.Inspect(ExpectedSummary.Path("dtypes.pt"))));
        var root = doc.RootElement;
        Assert.Equal(["format", "tensors"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("zip", root.GetProperty("format").GetString());
        var tensors = root.GetProperty("tensors").EnumerateArray().ToList();
        Assert.All(tensors, t => Assert.Equal(["name", "dtype", "shape", "sum", "first"], t.EnumerateObject().Select(p => p.Name)));
        var byName = tensors.ToDictionary(t => t.GetProperty("name").GetString()!);
        // bool is reported as 0/1 numbers; int64 exactly (2^40 + 7 is from make_fixtures.py).
        Assert.Equal("[1,0,1]", Compact(byName["bool"].GetProperty("first")));
        Assert.Equal("[1099511627783,-3,5]", Compact(byName["i64"].GetProperty("first")));
        Assert.Equal("[]", Compact(byName["scalar"].GetProperty("shape")));
        Assert.Equal("[42]", Compact(byName["scalar"].GetProperty("first")));
    }

    private static string Compact(JsonElement e) => JsonSerializer.Serialize(e);
}
