using ScRepro.Contracts;

namespace ScRepro.Cards.Figures;

/// <summary>
/// One seed's training log as training_stats.json records it: the validation metric and the training loss after each
/// epoch (epoch 1 first) and the epoch the trainer kept as best; null from <see cref="From"/> for a fit without epochs.
/// </summary>
public sealed record EpochCurve(long Seed, string? Metric, IReadOnlyList<double> Validation, IReadOnlyList<double> Loss, int? BestEpoch)
{
    /// <summary>The curve of gradient training (val_history, train_loss_history, best_val_epoch, selection_metric); null for a closed-form or logistic fit, or an empty log.</summary>
    public static EpochCurve? From(long seed, TrainDetails details) => details is FineTuneDetails f
        ? Of(seed, f.SelectionMetric, f.ValHistory, f.TrainLossHistory, f.BestValEpoch)
        : null;

    /// <summary>The curve, or null when neither series has an epoch; a best epoch outside the validation log is not marked.</summary>
    public static EpochCurve? Of(long seed, string? metric, IReadOnlyList<double> validation, IReadOnlyList<double> loss, int? bestEpoch) =>
        validation.Count == 0 && loss.Count == 0 ? null
        : new EpochCurve(seed, metric, validation, loss, bestEpoch is { } b && b >= 1 && b <= validation.Count ? b : null);
}
