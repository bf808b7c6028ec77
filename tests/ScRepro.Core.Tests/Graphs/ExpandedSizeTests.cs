using ScRepro.Foundation.Errors;
using ScRepro.Foundation.Graphs;

namespace ScRepro.Core.Tests.Graphs;

/// <summary>
/// The bound every unpickler applies to its result (issue 19 item 6): objects counted as a walk that follows every shared
/// reference would meet them, in time linear in the distinct objects.
/// </summary>
public sealed class ExpandedSizeTests
{
    // L0 = [], Lk = [L(k-1), L(k-1)]: what a memo bomb builds. Expanded, Lk has 2^(k+1) - 1 lists (each level doubles).
    private static List<object?> Doubling(int levels)
    {
        var list = new List<object?>();
        for (var k = 1; k <= levels; k++) list = [list, list];
        return list;
    }

    [Fact]
    public void Should_count_shared_references_as_often_as_a_walk_meets_them()
    {
        Assert.Equal((1L << 11) - 1, ExpandedSize.Check(Doubling(10), "t.pkl"));
        // Dictionary keys and values and tuple items count too: {"a": (1, [2, 3])} is 1 + key + (1 + 1 + (1 + 2)) = 7.
        var d = new Dictionary<string, object?> { ["a"] = new object?[] { 1L, new List<object?> { 2L, 3L } } };
        Assert.Equal(7, ExpandedSize.Check(d, "t.pkl"));
    }

    [Fact]
    public void Should_refuse_a_memo_bomb_quickly_naming_the_file()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<ScReproException>(() => ExpandedSize.Check(Doubling(60), "bomb.pkl"));
        Assert.Contains("bomb.pkl", e.Message);
        Assert.Contains("memo bomb", e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Should_refuse_a_cycle()
    {
        var list = new List<object?>();
        list.Add(list);
        Assert.Contains("cycle", Assert.Throws<ScReproException>(() => ExpandedSize.Check(list, "c.pkl")).Message);
    }

    [Fact]
    public void Should_walk_a_million_levels_of_nesting_without_overflowing_the_stack()
    {
        var list = new List<object?>();
        for (var i = 0; i < 1_000_000; i++) list = [list];
        Assert.Equal(1_000_001, ExpandedSize.Check(list, "deep.pkl"));
    }
}
