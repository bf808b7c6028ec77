using ScRepro.Contracts;

namespace ScRepro.Cards;

/// <summary>
/// The budget table's time per epoch: median and max over every recorded epoch of every seed (FineTuneDetails.EpochSeconds,
/// training plus validation), as the imbalance study compares models on speed. A resumed run records only the epochs of
/// its last session, which the row's count then shows.
/// </summary>
public static class EpochTimes
{
    public static string Describe(IEnumerable<TrainDetails> details)
    {
        var perSeed = details.OfType<FineTuneDetails>().ToList();
        if (perSeed.Count == 0) return "n/a (closed-form fit)";
        var all = perSeed.SelectMany(d => d.EpochSeconds).ToList();
        if (all.Count == 0) return "not recorded";
        var seeds = perSeed.Count == 1 ? "" : $" of {perSeed.Count} seeds";
        return $"median {Format.Duration(Median(all))}, max {Format.Duration(all.Max())} over {all.Count} epochs{seeds}";
    }

    /// <summary>numpy's median: the middle value, or the mean of the two middle values of an even count.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
