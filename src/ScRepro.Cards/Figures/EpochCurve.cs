using System.Text.Json;

namespace ScRepro.Cards.Figures;

/// <summary>
/// One seed's training log as training_stats.json records it: the validation metric and the training loss after each
/// epoch (epoch 1 first) and the epoch the trainer kept as best; null from <see cref="From"/> for a fit without epochs.
/// </summary>
public sealed record EpochCurve(long Seed, string? Metric, IReadOnlyList<double> Validation, IReadOnlyList<double> Loss, int? BestEpoch)
{
    /// <summary>The curve in TrainStats.details (val_history, train_loss_history, best_val_epoch, selection_metric), or null when it has none.</summary>
    public static EpochCurve? From(long seed, IReadOnlyDictionary<string, object?> details)
    {
        var validation = Numbers(details, "val_history");
        var loss = Numbers(details, "train_loss_history");
        if (validation.Count == 0 && loss.Count == 0) return null;
        var best = details.TryGetValue("best_val_epoch", out var b) ? b switch
        {
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetInt32(),
            int i => i,
            long l => (int)l,
            _ => (int?)null,
        } : null;
        var metric = details.TryGetValue("selection_metric", out var m) ? m switch
        {
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            string s => s,
            _ => null,
        } : null;
        return new EpochCurve(seed, metric, validation, loss, best is >= 1 && best <= validation.Count ? best : null);
    }

    private static IReadOnlyList<double> Numbers(IReadOnlyDictionary<string, object?> details, string key) =>
        !details.TryGetValue(key, out var v) ? [] : v switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray()
                .Select(x => x.ValueKind == JsonValueKind.Number ? x.GetDouble() : double.NaN).ToList(),
            IEnumerable<double> list => list.ToList(),
            _ => [],
        };
}
