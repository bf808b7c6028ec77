namespace ScRepro.Audit.Model;

/// <summary>One key of the recipe diff (B4): the card's or stats' value, the manifest's value, and same / differs / only-in-card / only-in-manifest.</summary>
public sealed record RecipeDifference(string Key, string? Claimed, string? ClaimedSource, string? Manifest, string State);
