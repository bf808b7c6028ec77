namespace ScRepro.Core.Manifests;

/// <summary>
/// A dataset's licence as the Hub records it: <see cref="Id"/> is a Hub licence id (<see cref="HubLicenses"/>); when
/// it is `other`, <see cref="Name"/> (a short slug) and <see cref="Link"/> (where the terms are) are required.
/// <see cref="Note"/> is free text for the card body (what the terms are, whose they are).
/// </summary>
public sealed record DatasetLicense(string Id, string? Name, string? Link, string? Note);
