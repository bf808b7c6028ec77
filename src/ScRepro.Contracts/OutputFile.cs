namespace ScRepro.Contracts;

/// <summary>A file a trainer wrote (relative to its output folder) and what it holds.</summary>
public sealed record OutputFile(string Name, string Description);
