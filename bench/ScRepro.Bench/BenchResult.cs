using System.Globalization;

namespace ScRepro.Bench;

/// <summary>
/// One comparison: both sides' runs, the load average when it was reported, and speedup = reference best / ours best
/// (above 1 means ScRepro is faster), or the reason it was withheld.
/// </summary>
public sealed record BenchResult(
    string Benchmark, string Case, Timing Screpro, Timing? Reference, string ReferenceName, double LoadAverage,
    double? Speedup, string? SpeedupWithheld)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Benchmark,-12} {Case,-44} screpro {Screpro}  {ReferenceName,-18} {(Reference is { } r ? r.ToString() : "      n/a")}  " +
        $"speedup {(Speedup is { } s ? $"{s:F2}x" : SpeedupWithheld is { } w ? $"withheld ({w})" : "n/a")}  load {LoadAverage:F2}");
}
