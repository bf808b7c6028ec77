using ScRepro.Audit.Model;
using ScRepro.Contracts;
using ScRepro.Verification.Tolerances;

namespace ScRepro.Audit.Checks;

/// <summary>
/// Builds <see cref="PairingSpread"/> from the evaluations of one checkpoint re-predicted with several seeds: per
/// metric, the means over the test items, their sample sd, and whether the claimed mean is inside the repredict
/// profile's reproduced band widened by that sd (max(atol + rtol·|mean|, sd_k × sd), the §2.6 seed-aware rule).
/// </summary>
public static class PairingSpreads
{
    /// <summary>R: the other seeds re-predicted besides the card's (with it, four draws: enough for a usable sd).</summary>
    public const int OtherSeeds = 3;

    /// <summary>The j-th other seed (j = 1…R) for <paramref name="cardSeed"/>.</summary>
    public static long Seed(long cardSeed, int j) => Foundation.Random.Seeds.Derive(cardSeed, $"audit/repredict/{j}");

    public static PairingSpread Build(long cardSeed, IReadOnlyList<long> others, IReadOnlyList<IReadOnlyList<MetricStats>> runs,
        AuditInputs inputs, ToleranceModel tolerances)
    {
        var claimed = Claimed(inputs);
        var rows = new List<SpreadRow>();
        foreach (var name in runs[0].Select(m => m.Name).Order(StringComparer.Ordinal))
        {
            var values = runs.Select(r => r.FirstOrDefault(m => m.Name == name)?.Mean).ToList();
            var finite = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
            var spread = SeedSpread.Of(values);
            double? mean = finite.Count > 0 ? finite.Average() : null;
            double? sd = double.IsFinite(spread.Sd) ? spread.Sd : null;
            var band = tolerances.Bands("repredict", name).Reproduced;
            double? threshold = mean is { } m0 ? band.Threshold(m0, spread) : null;
            var (claim, source) = claimed.TryGetValue(name, out var c) ? c : (null, null);
            double? z = claim is { } cv && mean is { } mv && sd is > 0 ? (cv - mv) / sd : null;
            bool? within = claim is { } x && mean is { } y && threshold is { } t ? Math.Abs(x - y) <= t : null;
            rows.Add(new SpreadRow(name, claim, source, values, mean, sd, finite.Count > 0 ? finite.Min() : null,
                finite.Count > 0 ? finite.Max() : null, threshold, z, within));
        }
        var reproduced = tolerances.Profile("repredict").Reproduced;
        return new PairingSpread(cardSeed, others,
            $"Seeds.Derive({cardSeed}, \"audit/repredict/<j>\") for j = 1…{others.Count}; each is passed to the predictor as the unit seed, from which it derives its own streams (scGPT perturbation: control_pairs/predict) exactly as for the card's seed",
            "mean over test items", $"repredict reproduced: {reproduced.Describe()} (sd over the {runs.Count} re-predictions)", rows);
    }

    /// <summary>The claimed mean of each metric: summary.json's, else the card's printed mean (or model-index value).</summary>
    private static Dictionary<string, (double?, string?)> Claimed(AuditInputs inputs)
    {
        var map = new Dictionary<string, (double?, string?)>(StringComparer.Ordinal);
        foreach (var m in inputs.Card?.Metrics.Where(m => m.Statistic is "mean" or "model-index") ?? [])
            map.TryAdd(m.Name, (m.Value, m.Source));
        if (SummaryMetrics.Read(inputs) is { } summary)
            foreach (var (name, stats) in summary) map[name] = (stats.Mean, "summary.json");
        return map;
    }

    /// <summary>A short clause for D's reason: the widest spread and how many claims lie inside the noise.</summary>
    public static string Describe(PairingSpread spread)
    {
        var widest = spread.Metrics.Where(r => r.Sd is not null).OrderByDescending(r => r.Sd).FirstOrDefault();
        var judged = spread.Metrics.Where(r => r.WithinNoise is not null).ToList();
        var text = $"re-predicted with {spread.Seeds.Count} more seeds";
        if (widest is not null) text += $": largest sd {widest.Sd!.Value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)} ({widest.Metric})";
        if (judged.Count > 0) text += $"; {judged.Count(r => r.WithinNoise == true)}/{judged.Count} claimed means inside that noise";
        return text;
    }
}
