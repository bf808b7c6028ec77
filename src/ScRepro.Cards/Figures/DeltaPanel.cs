namespace ScRepro.Cards.Figures;

/// <summary>
/// One chosen test perturbation: why it was chosen, and per top DE gene the observed change from control and each
/// model's predicted change (NaN where that model's DE table lacks the gene).
/// </summary>
public sealed record DeltaPanel(string Perturbation, string Why, IReadOnlyList<string> Genes, IReadOnlyList<double> Observed,
    IReadOnlyList<IReadOnlyList<double>> Predicted);
