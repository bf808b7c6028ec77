using System.Text.Json;
using ScRepro.Splits.Random;
using ScRepro.Testing;

namespace ScRepro.Splits.Tests;

/// <summary>
/// Bit-identity with numpy's legacy RandomState. Expected values: the vectors printed in
/// ../shared/research/numpy-rng.md §5 (numpy 1.24.2), and tests/fixtures/splits/numpy_rng.json made by
/// scripts/make_numpy_rng.py with Debian's python3-numpy 1.24.2.
/// </summary>
public sealed class NumpyRandomStateTests
{
    private static uint[] Raw(NumpyRandomState rs, int n) =>
        Enumerable.Range(0, n).Select(_ => rs.BitGenerator.NextUInt32()).ToArray();

    [Fact]
    public void Should_seed_like_numpy_int_seed_state_from_the_spec()
    {
        var (head, last, pos) = MT19937.FromSeed(42).StateSummary;
        Assert.Equal(new uint[] { 42, 3107752595, 1895908407, 3900362577, 3030691166 }, head);
        Assert.Equal(26719530u, last);
        Assert.Equal(624, pos);
    }

    [Theory]
    [InlineData(42, new uint[] { 1608637542, 3421126067, 4083286876, 787846414, 3143890026 })]
    [InlineData(0, new uint[] { 2357136044, 2546248239, 3071714933, 3626093760, 2588848963 })]
    [InlineData(1, new uint[] { 1791095845, 4282876139, 3093770124, 4005303368, 491263 })]
    [InlineData(5489, new uint[] { 3499211612, 581869302, 3890346734, 3586334585, 545404204 })]
    public void Should_draw_the_spec_uint32_vectors(long seed, uint[] expected) =>
        Assert.Equal(expected, Raw(new NumpyRandomState(seed), 5));

    [Fact]
    public void Should_reproduce_the_spec_method_vectors()
    {
        Assert.Equal(new[] { 0.3745401188473625, 0.9507143064099162, 0.7319939418114051, 0.5986584841970366, 0.15601864044243652 },
            new NumpyRandomState(42).RandomSample(5));
        Assert.Equal(new[] { 8, 1, 5, 0, 7, 2, 9, 4, 3, 6 }, new NumpyRandomState(42).Permutation(10));
        Assert.Equal(new[] { 2, 9, 6, 4, 0, 3, 1, 7, 8, 5 }, new NumpyRandomState(1).Permutation(10));
        Assert.Equal(new[] { 83, 53, 70, 45, 44, 39, 22, 80, 10, 0 }, new NumpyRandomState(42).Choice(100, 10, replace: false));
        Assert.Equal(new[] { 51, 92, 14, 71, 60, 20, 82, 86, 74, 74 }, new NumpyRandomState(42).Choice(100, 10));
        Assert.Equal(new long[] { 6, 3, 7, 4, 6, 9, 2, 6, 7, 4 }, new NumpyRandomState(42).RandInt(0, 10, 10));
        Assert.Equal(3, new NumpyRandomState(42).RandInt(5));
        Assert.Equal(new long[] { 441507790259, 395924837646, 458615280711 }, new NumpyRandomState(42).RandInt(0, 1L << 40, 3));
        Assert.Equal(new[] { 30, 65, 64, 53, 45, 94, 104, 47, 10, 0, 18, 31, 89, 96, 77, 4, 80, 33, 12, 26 },
            new NumpyRandomState(42).Permutation(105)[..20]);
        Assert.Equal(new[] { 40, 22, 55, 70, 0, 26, 39, 65, 10, 44, 81, 35, 56, 86, 12, 4, 18, 28, 49, 62 },
            new NumpyRandomState(42).Permutation(90)[..20]);
        Assert.Equal(new[] { 65, 35, 42, 93, 38, 39, 54, 86, 31, 77, 99, 81, 92, 82, 33, 89, 104, 69, 17, 73 },
            new NumpyRandomState(1).Permutation(105)[..20]);
        Assert.Equal(new[] { "B", "F", "A", "H", "C", "E" },
            new NumpyRandomState(42).Choice("ABCDEFGH".Select(c => c.ToString()).ToArray(), 6, replace: false));
        Assert.Equal(new uint[] { 2746317213, 478163327, 107420369 }, Raw(NumpyRandomState.FromArray([42]), 3));
        Assert.Equal(new uint[] { 2619334238, 1552691353, 3808334787 }, Raw(NumpyRandomState.FromArray([1, 2, 3]), 3));
    }

    [Fact]
    public void Should_consume_the_draw_counts_the_spec_traces()
    {
        // permutation(10)/seed 42 consumes 10 words (9 swaps + 1 rejection): the 11th word of a fresh stream follows.
        var a = new NumpyRandomState(42);
        a.Permutation(10);
        var b = new NumpyRandomState(42);
        for (var i = 0; i < 10; i++) b.BitGenerator.NextUInt32();
        Assert.Equal(b.BitGenerator.NextUInt32(), a.BitGenerator.NextUInt32());
        var c = new NumpyRandomState(42);
        c.Permutation(105);
        var d = new NumpyRandomState(42);
        for (var i = 0; i < 147; i++) d.BitGenerator.NextUInt32();
        Assert.Equal(d.BitGenerator.NextUInt32(), c.BitGenerator.NextUInt32());
    }

    [Fact]
    public void Should_refuse_seeds_numpy_refuses()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyRandomState(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NumpyRandomState(1L << 32));
        Assert.Throws<ArgumentException>(() => NumpyRandomState.FromArray([]));
        Assert.Throws<ArgumentException>(() => new NumpyRandomState(0).Choice(3, 4, replace: false));
    }

    [Fact]
    public void Should_match_every_numpy_fixture_case()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("splits", "numpy_rng.json")));
        var checkedCases = 0;
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var kind = c.GetProperty("kind").GetString()!;
            var args = c.GetProperty("args");
            var value = c.GetProperty("value");
            var seedEl = c.GetProperty("seed");
            NumpyRandomState Rs() => seedEl.ValueKind == JsonValueKind.Array
                ? NumpyRandomState.FromArray(seedEl.EnumerateArray().Select(e => e.GetInt64()).ToArray())
                : new NumpyRandomState(seedEl.GetInt64());
            long[] Longs(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt64()).ToArray();
            int I(string name) => args.GetProperty(name).GetInt32();
            var label = $"{kind} seed={seedEl} args={args}";
            switch (kind)
            {
                case "raw32":
                case "raw32_array_seed":
                    Assert.True(Longs(value).SequenceEqual(Raw(Rs(), I("n")).Select(v => (long)v)), label);
                    break;
                case "random_sample":
                    Assert.True(value.EnumerateArray().Select(x => x.GetDouble()).SequenceEqual(Rs().RandomSample(I("n"))), label);
                    break;
                case "permutation":
                    Assert.True(Longs(value).SequenceEqual(Rs().Permutation(I("n")).Select(v => (long)v)), label);
                    break;
                case "randint":
                    Assert.True(Longs(value).SequenceEqual(Rs().RandInt(args.GetProperty("low").GetInt64(),
                        args.GetProperty("high").GetInt64(), I("size"))), label);
                    break;
                case "randint_scalar":
                    Assert.Equal(value.GetInt64(), Rs().RandInt(args.GetProperty("high").GetInt64()));
                    break;
                case "choice_noreplace":
                    Assert.True(Longs(value).SequenceEqual(Rs().Choice(I("n"), I("k"), replace: false).Select(v => (long)v)), label);
                    break;
                case "choice_replace":
                    Assert.True(Longs(value).SequenceEqual(Rs().Choice(I("n"), I("k")).Select(v => (long)v)), label);
                    break;
                case "choice_p_replace":
                case "choice_p_noreplace":
                    var p = args.GetProperty("p").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                    var got = Rs().Choice(p.Length, I("k"), replace: kind == "choice_p_replace", p: p);
                    Assert.True(Longs(value).SequenceEqual(got.Select(v => (long)v)), label);
                    break;
                case "sequence":
                    var rs = Rs();
                    Assert.Equal(Longs(value.GetProperty("permutation_7")), rs.Permutation(7).Select(v => (long)v));
                    Assert.Equal(Longs(value.GetProperty("randint_0_1000_5")), rs.RandInt(0, 1000, 5));
                    Assert.Equal(value.GetProperty("random_sample_3").EnumerateArray().Select(x => x.GetDouble()), rs.RandomSample(3));
                    Assert.Equal(Longs(value.GetProperty("choice_20_4")), rs.Choice(20, 4, replace: false).Select(v => (long)v));
                    var letters = "abcdefghij".Select(ch => ch.ToString()).ToList();
                    rs.Shuffle(letters);
                    Assert.Equal(value.GetProperty("shuffle_letters").EnumerateArray().Select(x => x.GetString()), letters);
                    Assert.Equal(Longs(value.GetProperty("permutation_900")), rs.Permutation(900).Select(v => (long)v));
                    Assert.Equal(value.GetProperty("after_twist_random_sample_2").EnumerateArray().Select(x => x.GetDouble()), rs.RandomSample(2));
                    break;
                default:
                    Assert.Fail("unknown fixture kind " + kind);
                    break;
            }
            checkedCases++;
        }
        Assert.True(checkedCases > 100, $"only {checkedCases} cases in the fixture");
    }
}
