namespace ScRepro.Bench;

/// <summary>bench-results.json: one run of the bench.</summary>
public sealed record BenchRun(double LoadAtStart, double LoadAtEnd, int Cores, IReadOnlyList<BenchResult> Results);
