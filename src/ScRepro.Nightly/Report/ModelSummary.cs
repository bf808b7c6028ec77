namespace ScRepro.Nightly.Report;

/// <summary>One model of drift.json: its verdict, worst status, counts per status, reasons, and the runs compared.</summary>
public sealed record ModelSummary(
    string Experiment,
    string Model,
    string Verdict,
    string Worst,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<string> Reasons,
    Golden.RunIdentity? Golden,
    Golden.RunIdentity? Current);
