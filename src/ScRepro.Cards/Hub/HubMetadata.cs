namespace ScRepro.Cards.Hub;

/// <summary>
/// A card's front matter in the Hugging Face Hub's model card metadata (hub-docs modelcard.md): <see cref="License"/>
/// is a Hub licence id, or `other` with <see cref="LicenseName"/> and <see cref="LicenseLink"/>; <see cref="BaseModel"/>
/// (a Hub model id) only where there is one. Serialized by <see cref="FrontMatter"/>, never through a template.
/// </summary>
public sealed record HubMetadata(
    string License,
    string? LicenseName,
    string? LicenseLink,
    string LibraryName,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Datasets,
    string? BaseModel,
    string? BaseModelRelation,
    IReadOnlyList<ModelIndexEntry> ModelIndex);
