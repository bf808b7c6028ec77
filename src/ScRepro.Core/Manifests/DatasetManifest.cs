namespace ScRepro.Core.Manifests;

/// <summary>manifests/datasets/&lt;id&gt;.yaml: where a dataset comes from (downloads, or a seeded generator).</summary>
public sealed record DatasetManifest(
    string Id,
    string Title,
    string Citation,
    string License,
    string? Description,
    IReadOnlyList<DatasetSource> Sources,
    DatasetGenerator? Generator,
    ManifestOrigin Origin);

/// <summary>One downloadable file; <see cref="Sha256"/> null means "pinned on first download".</summary>
public sealed record DatasetSource(
    string Url,
    string Path,
    string? Sha256,
    long? Size,
    string Extract,
    IReadOnlyList<string> Provides,
    string? Note);

/// <summary>Data made by a seeded simulator in ScRepro (the embedded demo).</summary>
public sealed record DatasetGenerator(
    string Name,
    long Seed,
    IReadOnlyDictionary<string, object?> Parameters,
    IReadOnlyList<string> Outputs);
