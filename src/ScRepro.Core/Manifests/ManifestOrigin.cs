namespace ScRepro.Core.Manifests;

/// <summary>Where a manifest came from and its canonical hash (sha256 of the canonical JSON of its values).</summary>
public sealed record ManifestOrigin(string File, string Sha256, string CanonicalJson);
