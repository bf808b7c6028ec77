using System.Globalization;
using ScRepro.Nightly.Golden;
using ScRepro.Nightly.Report;
using ScRepro.Verification.Comparison;
using ScRepro.Verification.Tolerances;

namespace ScRepro.Nightly;

/// <summary>
/// Compares a model's current result with its golden file, number by number: every metric × statistic (mean,
/// median, max) × seed, plus each seed's training wall clock (informational). Comparability first: a changed data
/// lock, split, experiment definition, model kind or evaluator makes every number not comparable, naming it; a
/// changed library version or thread count only withholds judgement on numbers that moved; a changed recipe is named
/// and judged; a seed a wall-clock cap cut short is not comparable ("stopped by the wall-clock cap after 4/5 epochs").
/// </summary>
public static class DriftComparer
{
    public static readonly IReadOnlyList<string> Statistics = ["mean", "median", "max"];

    public static ModelDrift Compare(string model, ModelResult? golden, ModelResult? current, ToleranceModel tolerances, string profile,
        Func<string, Better> better, string? failure = null)
    {
        var failures = failure is null ? new List<string>() : [failure];
        var reference = golden is null ? new Dictionary<NumberKey, MetricSample>() : Numbers(golden);
        var observed = current is null ? new Dictionary<NumberKey, MetricSample>() : Numbers(current);
        var issues = golden is not null && current is not null ? Issues(golden, current) : [];
        var recipe = golden is not null && current is not null ? RecipeChange(golden, current) : null;
        if (recipe is not null) issues = [.. issues, recipe];
        var cuts = current?.Seeds.Where(s => s.Value.Training?.CutByWallClock == true)
            .ToDictionary(s => long.Parse(s.Key, CultureInfo.InvariantCulture), s => ComparabilityIssue.RunCondition("stopping", $"seed {s.Key} {s.Value.Training!.Describe()}"))
            ?? [];
        var rows = new List<NumberVerdict>();
        foreach (var key in reference.Keys.Union(observed.Keys).OrderBy(k => k.Metric, StringComparer.Ordinal)
                     .ThenBy(k => Statistics.ToList().IndexOf(k.Statistic ?? "")).ThenBy(k => k.Seed))
        {
            var bands = tolerances.Bands(profile, key.Metric);
            var inRef = reference.TryGetValue(key, out var r);
            var inNow = observed.TryGetValue(key, out var o);
            if (!inRef) { rows.Add(NumberComparer.New(key, o!, bands)); continue; }
            if (!inNow)
            {
                // A metric that failed to appear because training failed is covered by the failure; still listed.
                rows.Add(NumberComparer.Missing(key, r!, bands));
                continue;
            }
            var rowIssues = key.Seed is { } seed && cuts.TryGetValue(seed, out var cut) ? [.. issues, cut] : issues;
            rows.Add(NumberComparer.Compare(key, r!, o!, bands, better(key.Metric), Spread(golden!, key), rowIssues));
        }
        var notes = recipe is null ? [] : new List<string> { recipe.Reason };
        if (golden is null) notes.Add("no golden file: every number is new until blessed");
        return new ModelDrift(model, ModelVerdict.Of(model, rows, failures, notes), golden?.Run, current?.Run);
    }

    /// <summary>The comparability inputs of a result: definition inputs, then the environment.</summary>
    public static IReadOnlyList<InputIdentity> Identity(ModelResult r) =>
    [
        new("data_lock", r.Inputs.DataLockSha256),
        new("split_membership", r.Inputs.SplitMembershipSha256),
        new("experiment_definition", r.Inputs.ExperimentDefinitionSha256),
        new("model_kind", r.Inputs.ModelKind),
        new("evaluator", r.Inputs.Evaluator),
        new("screpro", r.Run.Environment.Screpro, ChangeKind.Environment),
        new("dotnet", r.Run.Environment.Dotnet, ChangeKind.Environment),
        new("libtorch", r.Run.Environment.Libtorch, ChangeKind.Environment),
        new("threads", r.Run.Environment.Threads.ToString(CultureInfo.InvariantCulture), ChangeKind.Environment),
    ];

    private static IReadOnlyList<ComparabilityIssue> Issues(ModelResult golden, ModelResult current) =>
        Comparability.Compare(Identity(golden), Identity(current))
            // A library one side does not use at all (no libtorch for a baseline) is no change.
            .Where(i => !(i.Input == "libtorch" && golden.Run.Environment.Libtorch is null && current.Run.Environment.Libtorch is null))
            .ToList();

    /// <summary>"model recipe changed (hyperparameters.alpha: 1 → 10; budget.epochs: 5 → 6)", or null.</summary>
    public static ComparabilityIssue? RecipeChange(ModelResult golden, ModelResult current)
    {
        var g = golden.Inputs.ModelRecipe;
        var c = current.Inputs.ModelRecipe;
        var changes = g.Keys.Union(c.Keys).Order(StringComparer.Ordinal)
            .Where(k => !(g.TryGetValue(k, out var a) && c.TryGetValue(k, out var b) && a == b))
            .Select(k => $"{k}: {(g.TryGetValue(k, out var a) ? a : "absent")} → {(c.TryGetValue(k, out var b) ? b : "absent")}")
            .ToList();
        return changes.Count == 0 ? null
            : new ComparabilityIssue("model_recipe", $"model recipe changed ({string.Join("; ", changes)})", ChangeKind.Recipe);
    }

    /// <summary>Every number of a result, keyed by metric, statistic and seed; wall_clock_s per seed as well.</summary>
    public static Dictionary<NumberKey, MetricSample> Numbers(ModelResult r)
    {
        var numbers = new Dictionary<NumberKey, MetricSample>();
        foreach (var (seedText, seed) in r.Seeds)
        {
            var s = long.Parse(seedText, CultureInfo.InvariantCulture);
            foreach (var (metric, m) in seed.Metrics)
            {
                numbers[new NumberKey(metric, "mean", s)] = new MetricSample(m.Mean, m.NullCount, m.Count, seed.TestItems);
                numbers[new NumberKey(metric, "median", s)] = new MetricSample(m.Median, m.NullCount, m.Count, seed.TestItems);
                numbers[new NumberKey(metric, "max", s)] = new MetricSample(m.Max, m.NullCount, m.Count, seed.TestItems);
            }
            if (seed.Training is { } t) numbers[new NumberKey("wall_clock_s", null, s)] = new MetricSample(t.WallClockS);
        }
        return numbers;
    }

    /// <summary>The golden's spread of this metric × statistic over its seeds (seed-aware bands use it from 3 seeds).</summary>
    private static SeedSpread Spread(ModelResult golden, NumberKey key) =>
        SeedSpread.Of(golden.Seeds.Values.Select(s => s.Metrics.TryGetValue(key.Metric, out var m)
            ? key.Statistic switch { "mean" => m.Mean, "median" => m.Median, "max" => m.Max, _ => null }
            : null));
}
