using System.Globalization;
using ScRepro.Verification.Tolerances;

namespace ScRepro.Verification.Comparison;

/// <summary>
/// Judges numbers against references with the §2.6 rules: numpy-isclose bands (|x − ref| ≤ atol + rtol·|ref|),
/// both-NaN equal, one NaN or a changed null count breaks, two-sided (better than the reproduced band drifts,
/// worse than the broken band breaks), seed-aware widening, the 1/n resolution guard, and comparability issues
/// that turn a difference into "not comparable" with the input that changed.
/// </summary>
public static class NumberComparer
{
    /// <summary>Compares one number. <paramref name="spread"/> is the reference's seed spread (seed-aware profiles).</summary>
    public static NumberVerdict Compare(
        NumberKey key,
        MetricSample reference,
        MetricSample observed,
        MetricBands bands,
        Better better = Better.Neither,
        SeedSpread? spread = null,
        IReadOnlyList<ComparabilityIssue>? issues = null)
    {
        var notes = new List<string>();
        var (measured, reason, delta, relative, repWithin, brkWithin) = Measure(reference, observed, bands, better, spread, notes);
        var band = $"{bands.Reproduced.Describe()} / {bands.Broken.Describe()}";
        var status = bands.Informational ? VerdictStatus.Informational : measured;
        if (bands.Informational) reason = "informational: shown, never gates (" + reason + ")";
        var applying = (issues ?? []).Where(i => i.Applies(status)).ToList();
        if (applying.Count > 0)
        {
            status = VerdictStatus.NotComparable;
            reason = "not comparable: " + string.Join("; ", applying.Select(i => i.Reason));
        }
        else
        {
            // An environment change the number survived, or a recipe change it is judged across, is worth saying.
            notes.AddRange((issues ?? []).Select(i => i.Note()));
        }
        return new NumberVerdict(key, status, measured, reference.Value, observed.Value, delta, relative, repWithin, brkWithin, band, reason, notes);
    }

    /// <summary>A number the reference has and this run does not: missing (BROKEN).</summary>
    public static NumberVerdict Missing(NumberKey key, MetricSample reference, MetricBands? bands = null) =>
        new(key, bands?.Informational == true ? VerdictStatus.Informational : VerdictStatus.Missing, VerdictStatus.Missing,
            reference.Value, null, null, null, null, null, null, "in the reference, missing now", []);

    /// <summary>A number this run has and the reference does not: new (DRIFTED until blessed).</summary>
    public static NumberVerdict New(NumberKey key, MetricSample observed, MetricBands? bands = null) =>
        new(key, bands?.Informational == true ? VerdictStatus.Informational : VerdictStatus.New, VerdictStatus.New,
            null, observed.Value, null, null, null, null, null, "new: not in the reference", []);

    /// <summary>
    /// Compares two sets of numbers key by key: every key in both is compared, keys only in the reference are
    /// missing, keys only in <paramref name="observed"/> are new. Rows come back in key order (metric, statistic, seed).
    /// </summary>
    public static IReadOnlyList<NumberVerdict> CompareAll(
        IReadOnlyDictionary<NumberKey, MetricSample> reference,
        IReadOnlyDictionary<NumberKey, MetricSample> observed,
        Func<NumberKey, MetricBands> bands,
        Func<NumberKey, Better>? better = null,
        Func<NumberKey, SeedSpread?>? spread = null,
        IReadOnlyList<ComparabilityIssue>? issues = null)
    {
        var rows = new List<NumberVerdict>();
        foreach (var key in reference.Keys.Union(observed.Keys).OrderBy(k => k.Metric, StringComparer.Ordinal)
                     .ThenBy(k => k.Statistic, StringComparer.Ordinal).ThenBy(k => k.Seed))
        {
            var inRef = reference.TryGetValue(key, out var r);
            var inNow = observed.TryGetValue(key, out var o);
            rows.Add((inRef, inNow) switch
            {
                (true, true) => Compare(key, r!, o!, bands(key), better?.Invoke(key) ?? Better.Neither, spread?.Invoke(key), issues),
                (true, false) => Missing(key, r!, bands(key)),
                _ => New(key, o!, bands(key)),
            });
        }
        return rows;
    }

    private static (VerdictStatus, string, double?, double?, double?, double?) Measure(
        MetricSample reference, MetricSample observed, MetricBands bands, Better better, SeedSpread? spread, List<string> notes)
    {
        // JSON cannot tell NaN from null, and cell-eval reports an all-NaN column as null: both mean "no number".
        var r = reference.Value is { } rv && !double.IsNaN(rv) ? rv : (double?)null;
        var o = observed.Value is { } ov && !double.IsNaN(ov) ? ov : (double?)null;
        if (reference.NullCount is { } rn && observed.NullCount is { } on && rn != on)
            return (VerdictStatus.Break, $"null count changed ({rn} → {on})", Diff(r, o), Rel(r, o), null, null);
        if (reference.Count is { } rc && observed.Count is { } oc && rc != oc)
            return (VerdictStatus.Break, $"count changed ({rc} → {oc})", Diff(r, o), Rel(r, o), null, null);
        if (r is null && o is null) return (VerdictStatus.Pass, "both NaN/null", null, null, null, null);
        if (r is null || o is null)
            return (VerdictStatus.Break, r is null ? $"reference is NaN/null, now {F(o!.Value)}" : $"now NaN/null, reference {F(r.Value)}", null, null, null, null);
        if (double.IsInfinity(r.Value) || double.IsInfinity(o.Value))
        {
            return r.Value.Equals(o.Value)
                ? (VerdictStatus.Pass, "both " + F(r.Value), 0, null, null, null)
                : (VerdictStatus.Break, $"{F(r.Value)} → {F(o.Value)}", null, null, null, null);
        }
        var delta = o.Value - r.Value;
        var rep = bands.Reproduced.Threshold(r.Value, spread);
        var brk = bands.Broken.Threshold(r.Value, spread);
        if (bands.Reproduced.SeedsWiden(r.Value, spread))
            notes.Add($"reproduced band from the reference's seed spread: {F(bands.Reproduced.SdK!.Value)} × sd {F(spread!.Sd)} over {spread.Seeds} seeds");
        if (bands.Fraction && (reference.Items ?? observed.Items) is { } n && n > 0)
        {
            // One item more or less moves a fraction over n items by 1/n: a band below that is not a tolerance.
            var step = 1.0 / n;
            if (rep < step)
            {
                notes.Add($"reproduced band widened from {F(rep)} to 1/n = 1/{n} = {F(step)} (resolution guard: one of {n} items)");
                rep = step * (1 + 1e-9);
            }
            if (brk < rep)
            {
                notes.Add($"broken band widened to the reproduced band ({F(rep)})");
                brk = rep;
            }
        }
        var magnitude = Math.Abs(delta);
        var relative = Rel(r, o);
        if (magnitude <= rep) return (VerdictStatus.Pass, $"|Δ| {F(magnitude)} ≤ {F(rep)}", delta, relative, rep, brk);
        var isBetter = (better == Better.Higher && delta > 0) || (better == Better.Lower && delta < 0);
        if (isBetter)
            return (VerdictStatus.Drift, $"better than the reproduced band: |Δ| {F(magnitude)} > {F(rep)}", delta, relative, rep, brk);
        if (magnitude <= brk)
            return (VerdictStatus.Drift, $"|Δ| {F(magnitude)} outside the reproduced band ({F(rep)}), inside the broken band ({F(brk)})", delta, relative, rep, brk);
        return (VerdictStatus.Break, $"|Δ| {F(magnitude)} outside the broken band ({F(brk)})", delta, relative, rep, brk);
    }

    private static double? Diff(double? r, double? o) => r is { } a && o is { } b && double.IsFinite(a) && double.IsFinite(b) ? b - a : null;

    private static double? Rel(double? r, double? o) => Diff(r, o) is { } d && r!.Value != 0 ? d / Math.Abs(r.Value) : null;

    /// <summary>Numbers in reasons: 4 significant digits (reports hold the round-trip values).</summary>
    internal static string F(double v) =>
        double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : v.ToString("G4", CultureInfo.InvariantCulture);
}
