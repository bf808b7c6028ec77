using System.Globalization;
using System.Text.Json;

namespace ScRepro.Bench;

/// <summary>
/// Every run's seconds of one side of a comparison. The figure compared is the best run (timeit's rule: slower runs
/// measure interference from other processes, not the code), and N is printed with it so a best of one is not read as
/// a best of five.
/// </summary>
public sealed record Timing(IReadOnlyList<double> Samples)
{
    public int N => Samples.Count;

    public double Best => Samples.Min();

    /// <summary>A single figure (a CPU-seconds total, a scaled estimate): N = 1.</summary>
    public static Timing Of(double seconds) => new([seconds]);

    /// <summary>
    /// A reference script's output: a JSON array of seconds (every run), or a single number. Null stays null
    /// (the reference did not run).
    /// </summary>
    public static Timing? Parse(string? text)
    {
        if (text is null) return null;
        var trimmed = text.Trim();
        if (trimmed.StartsWith('['))
            return new Timing(JsonSerializer.Deserialize<double[]>(trimmed) ?? throw new FormatException("empty timing list"));
        return Of(double.Parse(trimmed, CultureInfo.InvariantCulture));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Best,9:F3}s (best of {N})");
}
