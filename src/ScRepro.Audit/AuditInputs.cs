using System.Text.Json;
using ScRepro.Audit.Cards;
using ScRepro.Audit.Hub;
using ScRepro.Audit.Model;
using ScRepro.Core.Manifests;

namespace ScRepro.Audit;

/// <summary>
/// What one audit reads, gathered before any check runs: the folder's files with their hashes, the card and its
/// claims, training_stats.json and summary.json (as JSON: third-party files carry other keys), the folder's sha256
/// manifest, the manifests to compare with, the Hub snapshot (Hub mode) and the clone for the commit check.
/// </summary>
public sealed class AuditInputs
{
    public required AuditOptions Options { get; init; }
    public required string ProjectRoot { get; init; }
    public required string Folder { get; init; }
    public required IReadOnlyList<AuditedFile> Files { get; init; }
    public CardClaims? Card { get; init; }
    public string? CardPath { get; init; }
    public JsonElement? Stats { get; init; }
    public string? StatsError { get; init; }
    public JsonElement? Summary { get; init; }
    public string? SummaryError { get; init; }
    public IReadOnlyDictionary<string, string>? ShaManifest { get; init; }
    public string? ShaManifestError { get; init; }
    public ModelManifest? Model { get; init; }
    public string? ModelError { get; init; }
    public ManifestCatalog? Catalog { get; init; }
    public string? CatalogError { get; init; }
    public HubSnapshot? Hub { get; init; }
    public string? CodeRepo { get; init; }

    /// <summary>The folder's file by POSIX path, or null.</summary>
    public AuditedFile? File(string path) => Files.FirstOrDefault(f => f.Path == path);

    /// <summary>The full path of a folder file.</summary>
    public string FullPath(string path) => System.IO.Path.Combine(Folder, path);

    /// <summary>The checkpoint: best_model.pt, else the one *.safetensors or *.pt file; null when there is none.</summary>
    public AuditedFile? Checkpoint =>
        File("best_model.pt")
        ?? Files.Where(f => f.Path.EndsWith(".safetensors", StringComparison.Ordinal) || f.Path.EndsWith(".pt", StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault();
}
