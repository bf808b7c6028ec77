namespace ScRepro.Papers;

/// <summary>How a lock was made: which endpoints answered, by which command and ScRepro, and when.</summary>
public sealed record LockProvenance(string Note, string Command, PaperEndpoints Endpoints, string ScreproVersion, string Utc);
