namespace ScRepro.Core.Manifests;

/// <summary>
/// A manifest's mention of a paper by its key in manifests/papers.yaml, with where it was written, so an unknown key
/// is reported at its own file and line once the registry is known (<see cref="PaperRegistry.Require"/>).
/// </summary>
public sealed record PaperRef(string Key, string File, int Line, string Field);
