namespace ScRepro.Cards.Hub;

/// <summary>`results[].task`: a machine-readable type and a human name.</summary>
public sealed record ModelIndexTask(string Type, string Name);
