using ScRepro.Foundation.Errors;
using ScRepro.Splits.Annotation;
using ScRepro.Splits.Files;
using ScRepro.Splits.Gears;
using ScRepro.Splits.Pickle;

namespace ScRepro.Splits;

/// <summary>
/// One entry point for every split policy named in SCHEMA.md (the manifest's <c>split</c> block): the CLI and the
/// pipeline's Splits stage both call <see cref="Make"/>. Same policy, seed, parameters and input give a byte-identical
/// split file.
/// </summary>
public static class SplitPlanner
{
    /// <summary>The policy names <see cref="Make"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Policies =
        ["gears_simulation", "gears_simulation_single", "stratified", "train_test", "holdout", "fewshot", "resample", "file"];

    /// <summary>
    /// Makes the split. Parameters per policy (defaults in brackets):
    /// gears_simulation: train_gene_set_size [0.75], combo_seen2_train_frac [0.75], exclude [none] (GEARS' GO filter);
    /// gears_simulation_single: train_gene_set_size [0.75], exclude;
    /// stratified: test_size [0.2], train_size, split_index [0] (StratifiedShuffleSplit, random_state = seed);
    /// train_test: test_size, train_size, stratify [true] (train_test_split, random_state = seed);
    /// holdout: test_batches (required), val_batches;
    /// fewshot: fraction (required), method [uniform | uniform_sequential | stratified], fraction_order, and a base split;
    /// resample: method [oversample | undersample], threshold (undersample; without it every class is cut to the
    /// minority), and a base split.
    /// Base split (fewshot, resample): base [stratified | holdout | all], base_seed [2022], test_size [0.2],
    /// test_batches, val_batches. The few-shot or resampled set replaces the base train part; val and test stay.
    /// file: path (a ScRepro split file) or gears_split + gears_subgroup (GEARS pickles); members must be in the input.
    /// </summary>
    public static SplitFile Make(string policy, long seed, IReadOnlyDictionary<string, object?> parameters, SplitInput input)
    {
        try
        {
            return policy switch
            {
                "gears_simulation" => Gears(seed, parameters, input, single: false),
                "gears_simulation_single" => Gears(seed, parameters, input, single: true),
                "stratified" or "train_test" or "holdout" => Annotation(policy, seed, parameters, input),
                "fewshot" => FewShot(seed, parameters, input),
                "resample" => Resample(seed, parameters, input),
                "file" => FromFile(seed, parameters, input),
                _ => throw new ScReproException($"split.policy: unknown policy '{policy}' (known: {string.Join(", ", Policies)})"),
            };
        }
        catch (ArgumentException e)
        {
            throw new ScReproException($"{input.Source}: {e.Message}", inner: e);
        }
        catch (ScReproException e) when (!e.Message.StartsWith(input.Source, StringComparison.Ordinal) &&
                                         !e.Message.StartsWith("split.", StringComparison.Ordinal))
        {
            // errors about the data name the input; errors about the manifest's split block name the field
            throw new ScReproException($"{input.Source}: {e.Message}", e.ExitCode, e);
        }
    }

    private static SplitFile Gears(long seed, IReadOnlyDictionary<string, object?> parameters, SplitInput input, bool single)
    {
        var policy = single ? "gears_simulation_single" : "gears_simulation";
        var conditions = input.Conditions ?? throw new ScReproException($"{input.Source}: policy '{policy}' needs condition names");
        var p = single
            ? new SplitParameters(policy, parameters, "train_gene_set_size", "exclude")
            : new SplitParameters(policy, parameters, "train_gene_set_size", "combo_seen2_train_frac", "exclude");
        var tgs = p.Double("train_gene_set_size", 0.75);
        var exclude = p.Strings("exclude");
        var split = single
            ? GearsSimulationSplit.SimulationSingle(conditions, seed, tgs, exclude)
            : GearsSimulationSplit.Simulation(conditions, seed, tgs, p.Double("combo_seen2_train_frac", 0.75), exclude);
        return SplitFiles.Create(policy, seed, p.Used, "condition", split.Train, split.Val, split.Test,
            subgroup: split.Subgroup, sourceLockHash: input.SourceLockHash, provenance: input.Provenance);
    }

    /// <summary>Parts as positions into the input's obs, in generator order.</summary>
    private sealed record Parts(IReadOnlyList<int> Train, IReadOnlyList<int> Val, IReadOnlyList<int> Test);

    private static SplitFile Annotation(string policy, long seed, IReadOnlyDictionary<string, object?> parameters, SplitInput input)
    {
        var p = policy switch
        {
            "stratified" => new SplitParameters(policy, parameters, "test_size", "train_size", "split_index"),
            "train_test" => new SplitParameters(policy, parameters, "test_size", "train_size", "stratify"),
            _ => new SplitParameters(policy, parameters, "test_batches", "val_batches"),
        };
        Parts parts;
        switch (policy)
        {
            case "stratified":
            {
                var y = Classes(input, policy);
                var index = p.Int("split_index", 0);
                if (index < 0) throw new ScReproException("split.parameters.split_index must be ≥ 0");
                var (train, test) = new StratifiedShuffleSplit(p.Size("test_size", 0.2), p.Size("train_size"), seed)
                    .Splits(y, index + 1).Last();
                parts = new Parts(train, [], test);
                break;
            }
            case "train_test":
            {
                var stratify = p.Bool("stratify", true);
                var n = Obs(input, policy).Count;
                var (train, test) = TrainTestSplit.Split(n, p.Size("test_size"), p.Size("train_size"), seed,
                    stratify ? Classes(input, policy) : null);
                parts = new Parts(train, [], test);
                break;
            }
            default:
                parts = Holdout(p, input, policy);
                break;
        }
        return Build(policy, seed, p.Used, input, parts);
    }

    private static Parts Holdout(SplitParameters p, SplitInput input, string policy)
    {
        Obs(input, policy);
        var batches = input.Batches ?? throw new ScReproException($"{input.Source}: policy '{policy}' needs a batch column (columns.batch)");
        var (train, val, test) = HoldoutSplit.Split(batches, p.Strings("test_batches", required: true), p.Strings("val_batches"));
        return new Parts(train, val, test);
    }

    /// <summary>The split a few-shot or resampled training set is drawn from.</summary>
    private static Parts Base(SplitParameters p, SplitInput input, string policy)
    {
        var kind = p.String("base", "stratified", "stratified", "holdout", "all");
        switch (kind)
        {
            case "stratified":
            {
                var baseSeed = p.Int("base_seed", 2022); // Boiarsky's fixed PBMC split: SSS(test_size=0.2, random_state=2022)
                var (train, test) = new StratifiedShuffleSplit(p.Size("test_size", 0.2), null, baseSeed).Split(Classes(input, policy));
                return new Parts(train, [], test);
            }
            case "holdout":
                return Holdout(p, input, policy);
            default:
                return new Parts(Enumerable.Range(0, Obs(input, policy).Count).ToArray(), [], []);
        }
    }

    private static SplitFile FewShot(long seed, IReadOnlyDictionary<string, object?> parameters, SplitInput input)
    {
        const string policy = "fewshot";
        var p = new SplitParameters(policy, parameters, "fraction", "method", "fraction_order", "base", "base_seed",
            "test_size", "test_batches", "val_batches");
        var fraction = p.Double("fraction");
        var method = p.String("method", "uniform", "uniform", "uniform_sequential", "stratified");
        var order = p.Doubles("fraction_order");
        var parts = Base(p, input, policy);
        int[] positions = method switch
        {
            "uniform" => FewShotSampler.Uniform(parts.Train.Count, fraction, seed),
            "uniform_sequential" => FewShotSampler.UniformSequential(parts.Train.Count, fraction, seed, order),
            _ => FewShotSampler.Stratified(TrainClasses(input, policy, parts), fraction, seed),
        };
        return Build(policy, seed, p.Used, input, parts with { Train = positions.Select(i => parts.Train[i]).ToArray() });
    }

    private static SplitFile Resample(long seed, IReadOnlyDictionary<string, object?> parameters, SplitInput input)
    {
        const string policy = "resample";
        var p = new SplitParameters(policy, parameters, "method", "threshold", "base", "base_seed", "test_size",
            "test_batches", "val_batches");
        var method = p.String("method", "oversample", "oversample", "undersample");
        int? threshold = method == "undersample" && parameters.ContainsKey("threshold") ? p.Int("threshold") : null;
        if (method == "oversample" && parameters.ContainsKey("threshold"))
            throw new ScReproException("split.parameters.threshold applies to method 'undersample' only");
        var parts = Base(p, input, policy);
        var y = TrainClasses(input, policy, parts);
        var positions = method == "oversample"
            ? ClassResampler.Oversample(y, seed)
            : threshold is { } t ? ClassResampler.UndersampleToThreshold(y, t, seed) : ClassResampler.UndersampleToMinority(y, seed);
        return Build(policy, seed, p.Used, input, parts with { Train = positions.Select(i => parts.Train[i]).ToArray() });
    }

    private static SplitFile FromFile(long seed, IReadOnlyDictionary<string, object?> parameters, SplitInput input)
    {
        var p = new SplitParameters("file", parameters, "path", "gears_split", "gears_subgroup");
        IReadOnlyList<string> train, val, test;
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>? subgroup = null;
        string unit;
        if (parameters.ContainsKey("path"))
        {
            var f = SplitFiles.Read(p.String("path", ""));
            (train, val, test, subgroup, unit) = (f.Train, f.Val, f.Test, f.Subgroup, f.Unit);
        }
        else
        {
            var s = GearsPickles.ReadSplit(p.String("gears_split", ""));
            (train, val, test, unit) = (s["train"], s["val"], s["test"], "condition");
            if (parameters.ContainsKey("gears_subgroup")) subgroup = GearsPickles.ReadSubgroup(p.String("gears_subgroup", ""));
        }
        var known = unit == "condition" ? input.Conditions : input.ObsNames;
        if (known is null) throw new ScReproException($"{input.Source}: the split file lists {unit} names but the input has none");
        var set = new HashSet<string>(known, StringComparer.Ordinal);
        var stray = train.Concat(val).Concat(test).FirstOrDefault(m => !set.Contains(m));
        if (stray is not null) throw new ScReproException($"{input.Source}: split member '{stray}' is not in the input's {unit} names");
        Func<string, string>? labelOf = null;
        if (unit == "obs" && input.Labels is { } labels)
        {
            var byName = input.ObsNames!.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => labels[t.i], StringComparer.Ordinal);
            labelOf = m => byName[m];
        }
        return SplitFiles.Create("file", seed, p.Used, unit, train, val, test, labelOf, subgroup, input.SourceLockHash, input.Provenance);
    }

    private static SplitFile Build(string policy, long seed, IReadOnlyDictionary<string, object?> used, SplitInput input, Parts parts)
    {
        var obs = input.ObsNames!;
        string[] Names(IReadOnlyList<int> idx) => idx.Select(i => obs[i]).ToArray();
        Func<string, string>? labelOf = null;
        if (input.Labels is { } labels)
        {
            var byName = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < obs.Count; i++) byName[obs[i]] = labels[i];
            labelOf = m => byName[m];
        }
        return SplitFiles.Create(policy, seed, used, "obs", Names(parts.Train), Names(parts.Val), Names(parts.Test),
            labelOf, null, input.SourceLockHash, input.Provenance);
    }

    private static IReadOnlyList<string> Obs(SplitInput input, string policy)
    {
        var obs = input.ObsNames ?? throw new ScReproException($"{input.Source}: policy '{policy}' needs obs names");
        if (obs.Count == 0) throw new ScReproException($"{input.Source}: no cells to split");
        if (obs.Distinct(StringComparer.Ordinal).Count() != obs.Count)
            throw new ScReproException($"{input.Source}: obs_names are not unique, so split members would be ambiguous");
        if (input.Labels is { } l && l.Count != obs.Count)
            throw new ScReproException($"{input.Source}: {l.Count} labels for {obs.Count} cells");
        if (input.Batches is { } b && b.Count != obs.Count)
            throw new ScReproException($"{input.Source}: {b.Count} batch values for {obs.Count} cells");
        return obs;
    }

    private static IReadOnlyList<string> Labels(SplitInput input, string policy)
    {
        Obs(input, policy);
        return input.Labels ?? throw new ScReproException($"{input.Source}: policy '{policy}' needs a label column (columns.label)");
    }

    private static LabelClasses TrainClasses(SplitInput input, string policy, Parts parts)
    {
        var labels = Labels(input, policy);
        return new LabelClasses(parts.Train.Select(i => labels[i]).ToArray(), input.NumericLabels);
    }

    private static LabelClasses Classes(SplitInput input, string policy) => new(Labels(input, policy), input.NumericLabels);
}
