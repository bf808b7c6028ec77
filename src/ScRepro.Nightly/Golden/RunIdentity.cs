namespace ScRepro.Nightly.Golden;

/// <summary>The run a result came from: commit, dirty flag, when (UTC) and the environment.</summary>
public sealed record RunIdentity(string Commit, bool Dirty, string Utc, EnvironmentInfo Environment);
