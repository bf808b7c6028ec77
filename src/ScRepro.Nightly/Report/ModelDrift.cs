using ScRepro.Nightly.Golden;
using ScRepro.Verification.Comparison;

namespace ScRepro.Nightly.Report;

/// <summary>One model's comparison: its verdict with every number, and the golden and current runs it compared.</summary>
public sealed record ModelDrift(string Model, ModelVerdict Verdict, RunIdentity? Golden, RunIdentity? Current);
