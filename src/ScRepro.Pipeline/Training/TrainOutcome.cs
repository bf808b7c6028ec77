using ScRepro.Contracts;

namespace ScRepro.Pipeline.Training;

/// <summary>
/// Why and how training ended, in the seed card's TrainStats schema: the stopping reason and the typed details of the
/// model family (what it chose, what it saw, the files it wrote for the card to list with hashes).
/// </summary>
public sealed record TrainOutcome(StopReason Reason, TrainDetails Details);
