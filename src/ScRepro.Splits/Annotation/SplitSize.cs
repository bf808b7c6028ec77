namespace ScRepro.Splits.Annotation;

/// <summary>sklearn's test_size/train_size: a fraction in (0, 1) or an absolute count (Python float vs int).</summary>
public readonly record struct SplitSize
{
    private SplitSize(double? fraction, int? count)
    {
        Fraction = fraction;
        Count = count;
    }

    public double? Fraction { get; }
    public int? Count { get; }

    public static SplitSize Of(double fraction) => new(fraction, null);
    public static SplitSize OfCount(int count) => new(null, count);

    public override string ToString() =>
        Fraction is { } f ? f.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : Count!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
