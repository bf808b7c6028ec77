namespace ScRepro.Cards.Hub;

/// <summary>One `model-index` entry: the model's name and its results, grouped by (task, dataset) as the Hub does.</summary>
public sealed record ModelIndexEntry(string Name, IReadOnlyList<ModelIndexResult> Results);
