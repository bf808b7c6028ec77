using ScRepro.AnnData;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Splits.Files;

namespace ScRepro.Splits.Tests;

/// <summary>
/// The imbalance experiments' training sets (manifests/experiments/imbalance_*: policy resample over a batch hold-out)
/// on a small h5ad written here with known class counts. Training batch "0" holds A 40, B 12, C 5 cells; val batch "2"
/// and test batch "1" hold a few of each. The expected counts follow from the policy (annotation-models.md §4.2):
/// RandomOverSampler 'auto' raises every class to the majority (40 each); RandomUnderSampler 'auto' cuts every class to
/// the minority (5 each); undersampling to threshold 10 cuts classes of at least 10 cells to 10 and keeps C whole (5).
/// Val and test must be exactly the hold-out's, whatever the training set became.
/// </summary>
public sealed class ResamplePolicyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"resample-{Guid.NewGuid():N}");
    private readonly SplitInput _input;

    public ResamplePolicyTests()
    {
        Directory.CreateDirectory(_dir);
        var cells = new List<(string Label, string Batch)>();
        void Add(string label, string batch, int n) { for (var i = 0; i < n; i++) cells.Add((label, batch)); }
        Add("A", "0", 40); Add("B", "0", 12); Add("C", "0", 5);
        Add("A", "1", 6); Add("B", "1", 3); Add("C", "1", 2);
        Add("A", "2", 4); Add("B", "2", 2); Add("C", "2", 1);
        // Interleave the classes (a fixed permutation: stride 7 over 75 cells) so no class sits in one block.
        var order = Enumerable.Range(0, cells.Count).Select(i => i * 7 % cells.Count).ToArray();
        Assert.Equal(cells.Count, order.Distinct().Count());
        var shuffled = order.Select(i => cells[i]).ToList();
        var obs = new DataFrame(shuffled.Select((_, i) => $"cell{i:D3}").ToArray());
        obs.Add(CategoricalColumn.FromLabels("celltype", shuffled.Select(c => c.Label).ToList()));
        obs.Add(CategoricalColumn.FromLabels("str_batch", shuffled.Select(c => c.Batch).ToList()));
        var x = CsrMatrix.FromDense(new DenseMatrix(shuffled.Count, 1, Enumerable.Repeat(1f, shuffled.Count).ToArray()));
        var path = Path.Combine(_dir, "imbalanced.h5ad");
        AnnDataFile.Write(path, new AnnotatedData(x, obs, new DataFrame(["g0"])));
        _input = H5adSplitInputs.Obs(path, "celltype", "str_batch");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SplitFile Make(long seed, Dictionary<string, object?> parameters)
    {
        parameters["base"] = "holdout";
        parameters["test_batches"] = new[] { "1" };
        parameters["val_batches"] = new[] { "2" };
        return SplitPlanner.Make("resample", seed, parameters, _input);
    }

    private SplitFile Original() => SplitPlanner.Make("holdout", 42,
        new Dictionary<string, object?> { ["test_batches"] = new[] { "1" }, ["val_batches"] = new[] { "2" } }, _input);

    private static SortedDictionary<string, int> Expect(int a, int b, int c) => new(StringComparer.Ordinal) { ["A"] = a, ["B"] = b, ["C"] = c };

    [Fact]
    public void Should_raise_every_class_to_the_majority_count_when_oversampling()
    {
        var original = Original();
        Assert.Equal(Expect(40, 12, 5), original.ClassCounts!["train"]);   // the file as written above
        var over = Make(42, new() { ["method"] = "oversample" });
        Assert.Equal(Expect(40, 40, 40), over.ClassCounts!["train"]);
        Assert.Equal(120, over.Train.Count);
        // Every original training cell is kept; the additions are duplicates of minority-class cells.
        Assert.Equal(original.Train.Order(StringComparer.Ordinal), over.Train.Distinct().Order(StringComparer.Ordinal));
        AssertValAndTestUntouched(original, over);
    }

    [Fact]
    public void Should_cut_every_class_to_the_minority_count_when_undersampling()
    {
        var original = Original();
        var under = Make(42, new() { ["method"] = "undersample" });
        Assert.Equal(Expect(5, 5, 5), under.ClassCounts!["train"]);
        Assert.Equal(15, under.Train.Distinct().Count());                  // drawn without replacement
        Assert.Subset(original.Train.ToHashSet(), under.Train.ToHashSet());
        AssertValAndTestUntouched(original, under);
    }

    [Fact]
    public void Should_cut_only_classes_at_or_above_the_threshold()
    {
        var original = Original();
        var under = Make(42, new() { ["method"] = "undersample", ["threshold"] = 10 });
        Assert.Equal(Expect(10, 10, 5), under.ClassCounts!["train"]);
        // C (5 cells, under the threshold) is kept whole: every one of its training cells is still there.
        var label = _input.ObsNames!.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => _input.Labels![t.i]);
        Assert.Equal(original.Train.Where(m => label[m] == "C").Order(StringComparer.Ordinal),
            under.Train.Where(m => label[m] == "C").Order(StringComparer.Ordinal));
        Assert.Equal(25, under.Train.Distinct().Count());
        AssertValAndTestUntouched(original, under);
    }

    [Fact]
    public void Should_record_the_seed_and_policy_and_draw_the_same_cells_for_the_same_seed()
    {
        var a = Make(42, new() { ["method"] = "undersample" });
        var b = Make(42, new() { ["method"] = "undersample" });
        var other = Make(7, new() { ["method"] = "undersample" });
        Assert.Equal("resample", a.Policy);
        Assert.Equal(42, a.Seed);
        Assert.Equal("undersample", a.Parameters["method"]);
        Assert.Equal(a.Train, b.Train);
        Assert.Equal(a.MembershipHash, b.MembershipHash);
        // Another seed draws other cells (same counts): the seed is what chose them. With 40 A cells choosing 5,
        // two seeds agreeing on every class would be a 1-in-millions coincidence.
        Assert.Equal(a.ClassCounts!["train"], other.ClassCounts!["train"]);
        Assert.NotEqual(a.MembershipHash, other.MembershipHash);
    }

    private static void AssertValAndTestUntouched(SplitFile original, SplitFile resampled)
    {
        Assert.Equal(original.Val, resampled.Val);
        Assert.Equal(original.Test, resampled.Test);
        Assert.Equal(Expect(4, 2, 1), resampled.ClassCounts!["val"]);
        Assert.Equal(Expect(6, 3, 2), resampled.ClassCounts!["test"]);
    }
}
