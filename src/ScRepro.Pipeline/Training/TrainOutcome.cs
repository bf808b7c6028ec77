using ScRepro.Contracts;

namespace ScRepro.Pipeline.Training;

/// <summary>
/// Why and how training ended, in the seed card's TrainStats schema: reason is max_epochs | early_stop |
/// converged | budget; details holds model-specific facts (epochs trained, cells seen, gradient steps,
/// best validation value and epoch, chosen hyperparameters). Files are what the card lists with hashes.
/// </summary>
public sealed record TrainOutcome(
    string Reason,
    IReadOnlyDictionary<string, object?> Details,
    IReadOnlyList<OutputFile> Files);
