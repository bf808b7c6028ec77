namespace ScRepro.Evaluation.Perturbation.De;

/// <summary>A DE result for every target of one AnnData: pdex's long table, kept per target.</summary>
public sealed record DeTable(string Reference, string[] Features, IReadOnlyList<TargetDe> Targets)
{
    /// <summary>The target's rows, or null when the table has none for it.</summary>
    public TargetDe? Find(string target) => Targets.FirstOrDefault(t => t.Target == target);
}
