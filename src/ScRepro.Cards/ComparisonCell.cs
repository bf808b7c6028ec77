namespace ScRepro.Cards;

/// <summary>
/// One model's value of one metric: <see cref="Mean"/> is the mean over test items, then over seeds. With several seeds
/// <see cref="Low"/>..<see cref="High"/> is the 95% Student-t interval over the <see cref="Seeds"/> seed means; with one
/// seed of a perturbation experiment, <see cref="Q1"/>, <see cref="Median"/>, <see cref="Q3"/> are over test
/// perturbations. <see cref="Best"/>: the best value, with an interval apart from every other model's.
/// </summary>
public sealed record ComparisonCell(double? Mean, int Seeds, double? Low, double? High, double? Q1, double? Median, double? Q3, bool Best)
{
    /// <summary>Half the CI's width (the "±" the page prints); null without a CI.</summary>
    public double? HalfWidth => Low is { } l && High is { } h ? (h - l) / 2 : null;
}
