namespace ScRepro.Contracts;

/// <summary>Details of a closed-form perturbation baseline (control mean, train mean, additive, linear PCA ridge).</summary>
public sealed record ClosedFormDetails(long TrainConditions, long TestConditions) : TrainDetails;
