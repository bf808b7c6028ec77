namespace ScRepro.Nightly.Golden;

/// <summary>What blessing did to one golden file, with the changed numbers and inputs (old → new) to print.</summary>
public sealed record BlessChange(string Experiment, string Model, string Action, IReadOnlyList<string> Changes);
