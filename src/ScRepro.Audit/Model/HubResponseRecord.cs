namespace ScRepro.Audit.Model;

/// <summary>A stored raw Hub response: the request line, where it is stored (relative to the project root) and its sha256.</summary>
public sealed record HubResponseRecord(string Request, string Path, string Sha256);
