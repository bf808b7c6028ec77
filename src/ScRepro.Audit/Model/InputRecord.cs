namespace ScRepro.Audit.Model;

/// <summary>A manifest or tolerance file the audit read, with its canonical sha256.</summary>
public sealed record InputRecord(string Role, string Path, string Sha256);
