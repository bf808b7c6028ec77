using System.Text.Json;
using ScRepro.Foundation.Errors;
using ScRepro.Splits.Annotation;
using ScRepro.Testing;

namespace ScRepro.Splits.Tests;

/// <summary>
/// Expected indices come from tests/fixtures/splits/sklearn_splits.json, made by scripts/make_sklearn_splits.py with
/// Debian's python3-sklearn 1.2.1, python3-imblearn 0.10.0 (installed from Debian's archive for the fixture) and
/// python3-numpy 1.24.2. Label sets include ties, 2-member classes, unicode and integer labels.
/// </summary>
public sealed class AnnotationSplitTests
{
    private static readonly JsonElement Fixture =
        JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("splits", "sklearn_splits.json"))).RootElement;

    private static IEnumerable<JsonElement> Cases(string kind) =>
        Fixture.GetProperty("cases").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == kind);

    private static LabelClasses Labels(JsonElement c) =>
        new(Fixture.GetProperty("labels").GetProperty(c.GetProperty("labels").GetString()!).EnumerateArray()
                .Select(e => e.GetString()!).ToArray(),
            numeric: c.GetProperty("numeric").GetBoolean());

    private static int[] Ints(JsonElement c, string name) => c.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static SplitSize? Size(JsonElement p, string name)
    {
        if (!p.TryGetProperty(name, out var v)) return null;
        return v.GetRawText().Contains('.') ? SplitSize.Of(v.GetDouble()) : SplitSize.OfCount(v.GetInt32());
    }

    private static string Label(JsonElement c) => $"{c.GetProperty("kind")} {c.GetProperty("labels")} {c.GetProperty("params")}";

    [Fact]
    public void Should_match_sklearn_StratifiedShuffleSplit()
    {
        var n = 0;
        foreach (var c in Cases("sss"))
        {
            var p = c.GetProperty("params");
            var (train, test) = new StratifiedShuffleSplit(Size(p, "test_size"), Size(p, "train_size"),
                p.GetProperty("random_state").GetInt64()).Split(Labels(c));
            Assert.True(Ints(c, "train").SequenceEqual(train), Label(c));
            Assert.True(Ints(c, "test").SequenceEqual(test), Label(c));
            n++;
        }
        Assert.True(n >= 20);
    }

    [Fact]
    public void Should_continue_the_stream_across_n_splits_like_sklearn()
    {
        foreach (var c in Cases("sss_multi"))
        {
            var p = c.GetProperty("params");
            var all = new StratifiedShuffleSplit(SplitSize.Of(0.25), null, p.GetProperty("random_state").GetInt64())
                .Splits(Labels(c), p.GetProperty("n_splits").GetInt32()).ToList();
            var (train, test) = all[p.GetProperty("index").GetInt32()];
            Assert.True(Ints(c, "train").SequenceEqual(train), Label(c));
            Assert.True(Ints(c, "test").SequenceEqual(test), Label(c));
        }
    }

    [Fact]
    public void Should_refuse_what_sklearn_refuses()
    {
        var n = 0;
        foreach (var c in Cases("sss_error").Concat(Cases("tts_error")))
        {
            var p = c.GetProperty("params");
            var y = Labels(c);
            var kind = c.GetProperty("kind").GetString();
            Assert.Throws<ScReproException>(() => kind == "sss_error"
                ? new StratifiedShuffleSplit(Size(p, "test_size"), Size(p, "train_size"), p.GetProperty("random_state").GetInt64()).Split(y)
                : TrainTestSplit.Split(y.Codes.Length, Size(p, "test_size"), Size(p, "train_size"), p.GetProperty("random_state").GetInt64(), y));
            n++;
        }
        Assert.True(n >= 10);
        Assert.Throws<ScReproException>(() => new StratifiedShuffleSplit(SplitSize.Of(0.5), null, 0).Split(new LabelClasses(["a", "a", "b"])));
    }

    [Fact]
    public void Should_match_sklearn_train_test_split_and_ShuffleSplit()
    {
        foreach (var c in Cases("tts"))
        {
            var p = c.GetProperty("params");
            var y = Labels(c);
            var (train, test) = TrainTestSplit.Split(y.Codes.Length, Size(p, "test_size"), Size(p, "train_size"),
                p.GetProperty("random_state").GetInt64(), p.GetProperty("stratify").GetBoolean() ? y : null);
            Assert.True(Ints(c, "train").SequenceEqual(train), Label(c));
            Assert.True(Ints(c, "test").SequenceEqual(test), Label(c));
        }
        foreach (var c in Cases("shuffle_split"))
        {
            var p = c.GetProperty("params");
            var (train, test) = new ShuffleSplit(Size(p, "test_size"), null, p.GetProperty("random_state").GetInt64())
                .Split(Labels(c).Codes.Length);
            Assert.True(Ints(c, "train").SequenceEqual(train), Label(c));
            Assert.True(Ints(c, "test").SequenceEqual(test), Label(c));
        }
    }

    [Fact]
    public void Should_size_Boiarskys_PBMC_split_as_the_notebook_printed()
    {
        // 68,450 cells, test_size=0.2 → 13,690 test / 54,760 train (annotation-models.md §1.2, "size of training data: 54760").
        var check = Fixture.GetProperty("pbmc_ceil_check");
        var (train, test) = ShuffleSplitSizes.Resolve(check.GetProperty("n").GetInt32(), SplitSize.Of(0.2), null, 0.1);
        Assert.Equal(check.GetProperty("n_test").GetInt32(), test);
        Assert.Equal(54760, train);
    }

    [Fact]
    public void Should_match_imblearn_random_over_and_under_sampling()
    {
        foreach (var c in Cases("oversample"))
            Assert.True(Ints(c, "indices").SequenceEqual(ClassResampler.Oversample(Labels(c),
                c.GetProperty("params").GetProperty("random_state").GetInt64())), Label(c));
        foreach (var c in Cases("undersample_auto"))
            Assert.True(Ints(c, "indices").SequenceEqual(ClassResampler.UndersampleToMinority(Labels(c),
                c.GetProperty("params").GetProperty("random_state").GetInt64())), Label(c));
        foreach (var c in Cases("undersample_threshold"))
        {
            var p = c.GetProperty("params");
            Assert.True(Ints(c, "indices").SequenceEqual(ClassResampler.UndersampleToThreshold(Labels(c),
                p.GetProperty("threshold").GetInt32(), p.GetProperty("random_state").GetInt64())), Label(c));
        }
    }

    [Fact]
    public void Should_draw_Boiarskys_uniform_few_shot_subsamples()
    {
        var n = 0;
        foreach (var c in Cases("fewshot_uniform"))
        {
            var p = c.GetProperty("params");
            var y = Labels(c);
            var (baseTrain, _) = new StratifiedShuffleSplit(SplitSize.Of(p.GetProperty("base_test_size").GetDouble()), null,
                p.GetProperty("base_seed").GetInt64()).Split(y);
            var positions = FewShotSampler.Uniform(baseTrain.Length, p.GetProperty("fraction").GetDouble(), p.GetProperty("seed").GetInt64());
            Assert.True(Ints(c, "indices").SequenceEqual(positions.Select(i => baseTrain[i])), Label(c));
            n++;
        }
        Assert.Equal(24, n);
    }

    [Fact]
    public void Should_draw_stratified_few_shot_as_train_test_split_train_part()
    {
        // FewShotSampler.Stratified is train_test_split(train_size=f, stratify=y) (annotation-models.md §1.3); the
        // fixture's 'tts' cases with train_size and stratify give the expected train parts.
        foreach (var c in Cases("tts").Where(c => c.GetProperty("params").TryGetProperty("train_size", out _)))
        {
            var p = c.GetProperty("params");
            var got = FewShotSampler.Stratified(Labels(c), p.GetProperty("train_size").GetDouble(), p.GetProperty("random_state").GetInt64());
            Assert.True(Ints(c, "train").SequenceEqual(got), Label(c));
        }
    }

    [Fact]
    public void Should_hold_out_whole_batches_in_obs_order()
    {
        string?[] batches = ["d1", "d2", "d3", "d1", "d3", "d2"];
        var (train, val, test) = HoldoutSplit.Split(batches, ["d3"], ["d2"]);
        Assert.Equal([0, 3], train);
        Assert.Equal([1, 5], val);
        Assert.Equal([2, 4], test);
        Assert.Throws<ScReproException>(() => HoldoutSplit.Split(batches, ["d9"]));
        Assert.Throws<ScReproException>(() => HoldoutSplit.Split(batches, ["d1", "d2", "d3"]));
    }

    [Fact]
    public void Should_draw_the_scBERT_sequential_few_shot_stream()
    {
        // dist_finetune_fewshot.py seeds once and draws 1.0, 0.75, 0.5, ... from one stream: the 0.75 draw equals a
        // choice made after a full permutation of the same generator (numpy choice(replace=False) = permutation[:k]).
        var rs = new ScRepro.Splits.Random.NumpyRandomState(3);
        rs.Permutation(40);
        var expected = rs.Permutation(40)[..30];
        Assert.Equal(expected, FewShotSampler.UniformSequential(40, 0.75, 3));
    }
}
