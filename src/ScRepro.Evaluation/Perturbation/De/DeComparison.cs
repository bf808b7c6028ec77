using ScRepro.Foundation.Errors;

namespace ScRepro.Evaluation.Perturbation.De;

/// <summary>
/// Real and predicted DE tables paired per target (cell-eval's DEComparison): both must cover the same targets and the same
/// features in the same order, so a feature join is an index match.
/// </summary>
public sealed class DeComparison
{
    public DeComparison(DeTable real, DeTable pred)
    {
        if (!real.Features.AsSpan().SequenceEqual(pred.Features))
            throw new ScReproException("pred DE: features differ from the real DE table's features");
        var realTargets = real.Targets.Select(t => t.Target).Order(StringComparer.Ordinal).ToArray();
        var predTargets = pred.Targets.Select(t => t.Target).Order(StringComparer.Ordinal).ToArray();
        if (!realTargets.AsSpan().SequenceEqual(predTargets))
            throw new ScReproException("pred DE: its targets differ from the real DE table's targets");
        Features = real.Features;
        Targets = realTargets;
        Real = realTargets.Select(t => new DeSide(real.Find(t)!)).ToArray();
        Pred = realTargets.Select(t => new DeSide(pred.Find(t)!)).ToArray();
    }

    public string[] Features { get; }

    /// <summary>Targets sorted ordinally; Real[i] and Pred[i] belong to Targets[i].</summary>
    public string[] Targets { get; }
    public DeSide[] Real { get; }
    public DeSide[] Pred { get; }
}
