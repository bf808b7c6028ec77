namespace ScRepro.Cards.Figures;

/// <summary>
/// One model's box in a distribution panel: quartiles (numpy's linear interpolation, as the comparison table's IQR),
/// Tukey whiskers (the furthest values within 1.5 IQR of the box), every finite value for the strip, and how many
/// values were NaN (left out of box and strip).
/// </summary>
public sealed record BoxStats(string Model, double Q1, double Median, double Q3, double WhiskerLow, double WhiskerHigh,
    IReadOnlyList<double> Points, int NaNCount)
{
    public static BoxStats? Of(string model, IReadOnlyList<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (ComparisonStatistics.Quartiles(finite) is not var (q1, median, q3, _)) return null;
        var reach = 1.5 * (q3 - q1);
        var low = finite.Where(v => v >= q1 - reach).Min();
        var high = finite.Where(v => v <= q3 + reach).Max();
        return new BoxStats(model, q1, median, q3, low, high, finite, values.Count - finite.Count);
    }
}
