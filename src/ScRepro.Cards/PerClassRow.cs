namespace ScRepro.Cards;

/// <summary>
/// One cell type on the comparison page: its test cells and their share of the test set, whether it is rare by
/// <see cref="RareClasses.Rule"/>, and per model (Values[i] belongs to Models[i]) precision, recall and F1.
/// </summary>
public sealed record PerClassRow(string Label, int Support, double Share, bool Rare, IReadOnlyList<PerClassCell> Values)
{
    /// <summary>The share as the page prints it ("2.5 %").</summary>
    public string ShareText => (Share * 100).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " %";
}

/// <summary>sklearn's per-class precision, recall and F1 (zero_division 0), each the mean over seeds.</summary>
public sealed record PerClassCell(double Precision, double Recall, double F1);
