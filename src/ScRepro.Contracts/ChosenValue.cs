namespace ScRepro.Contracts;

/// <summary>A hyperparameter a trainer chose or resolved: a number or a text, never both.</summary>
public sealed record ChosenValue(string Name, double? Number = null, string? Text = null);
