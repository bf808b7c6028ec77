namespace ScRepro.Contracts;

/// <summary>Details of L1 logistic regression: the test cells and whether every class's solver converged.</summary>
public sealed record LogisticDetails(long TestCells, bool Converged) : TrainDetails;
