namespace ScRepro.Verification.Comparison;

/// <summary>
/// The roll-up of one model's numbers: the worst status, its verdict, how many numbers had each status, and the
/// reasons a reader needs first (failures, then each distinct not-comparable reason, then the worst rows).
/// </summary>
public sealed record ModelVerdict(
    string Model,
    Verdict Verdict,
    VerdictStatus Worst,
    IReadOnlyDictionary<VerdictStatus, int> Counts,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<NumberVerdict> Numbers)
{
    /// <summary>How many worst rows a roll-up names in its reasons.</summary>
    public const int NamedRows = 3;

    /// <summary>
    /// Rolls up <paramref name="numbers"/>. <paramref name="failures"/> are things that went wrong before any number
    /// existed (a stage that failed): each makes the model BROKEN on its own. <paramref name="notes"/> (e.g. "model
    /// recipe changed (hyperparameters.lr: 0.001 → 0.01)") come after the failures and change no verdict.
    /// </summary>
    public static ModelVerdict Of(string model, IEnumerable<NumberVerdict> numbers, IEnumerable<string>? failures = null,
        IEnumerable<string>? notes = null)
    {
        var rows = numbers.OrderBy(n => n.Status).ToList();
        var failed = (failures ?? []).ToList();
        var counts = rows.GroupBy(r => r.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        var worst = failed.Count > 0 ? VerdictStatus.Break : rows.Count == 0 ? VerdictStatus.Pass : rows[0].Status;
        var reasons = new List<string>(failed);
        reasons.AddRange(notes ?? []);
        reasons.AddRange(rows.Where(r => r.Status == VerdictStatus.NotComparable).Select(r => r.Reason).Distinct(StringComparer.Ordinal));
        reasons.AddRange(rows.Where(r => r.Status is VerdictStatus.Break or VerdictStatus.Missing or VerdictStatus.Drift or VerdictStatus.New)
            .Take(NamedRows).Select(r => $"{r.Key}: {Verdicts.Name(r.Status)}, {r.Reason}"));
        if (rows.Count == 0 && failed.Count == 0) reasons.Add("no numbers to compare");
        return new ModelVerdict(model, failed.Count > 0 ? Verdict.Broken : Verdicts.Worst(rows.Select(r => r.Status)), worst, counts, reasons, rows);
    }

    /// <summary>"40 pass · 2 drift" in report order.</summary>
    public string CountsLine() =>
        string.Join(" · ", Counts.OrderBy(kv => kv.Key).Select(kv => $"{kv.Value} {Verdicts.Name(kv.Key).Replace('_', ' ')}"));
}
