namespace ScRepro.Cards.Figures;

/// <summary>One row of per_class.csv (sklearn's classification report for one class of one run).</summary>
public sealed record ClassScore(string Label, double Precision, double Recall, double F1, long Support);
