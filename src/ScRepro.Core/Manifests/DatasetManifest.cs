namespace ScRepro.Core.Manifests;

/// <summary>manifests/datasets/&lt;id&gt;.yaml: where a dataset comes from (downloads, or a seeded generator).</summary>
public sealed record DatasetManifest(
    string Id,
    string Title,
    string? Citation,
    DatasetLicense License,
    string? Description,
    IReadOnlyList<DatasetSource> Sources,
    DatasetGenerator? Generator,
    ManifestOrigin Origin)
{
    /// <summary>Files made from downloaded ones after every source is in place (none for most datasets).</summary>
    public IReadOnlyList<DatasetCombine> Combine { get; init; } = [];

    /// <summary>The papers to cite for the data (keys of manifests/papers.yaml); <see cref="Citation"/> is prose beside them.</summary>
    public IReadOnlyList<PaperRef> Papers { get; init; } = [];
}

/// <summary>
/// One file joined from several downloaded AnnData files as scGPT's tutorials join them: optionally
/// var.set_index(var[<see cref="VarNames"/>]) on each, then concatenate(batch_key=<see cref="BatchKey"/>), the parts
/// labelled "0", "1", … in input order (see ScRepro.AnnData.AnnDataConcat).
/// </summary>
public sealed record DatasetCombine(string Output, IReadOnlyList<string> Inputs, string BatchKey, string? VarNames);

/// <summary>
/// One downloadable file; <see cref="Sha256"/> null means "pinned on first download". <see cref="ThenExtract"/> lists
/// archives the first extraction yields that hold the data one level deeper (figshare bundles of zips); each is
/// extracted in place, its kind taken from its name (.zip, .tar.gz, .gz).
/// </summary>
public sealed record DatasetSource(
    string Url,
    string Path,
    string? Sha256,
    long? Size,
    string Extract,
    IReadOnlyList<string> Provides,
    string? Note,
    IReadOnlyList<string> ThenExtract);

/// <summary>Data made by a seeded simulator in ScRepro (the embedded demo).</summary>
public sealed record DatasetGenerator(
    string Name,
    long Seed,
    IReadOnlyDictionary<string, object?> Parameters,
    IReadOnlyList<string> Outputs);
