using System.Text.Json;
using ScRepro.Core.Hashing;
using ScRepro.Core.Manifests;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;

namespace ScRepro.Papers;

/// <summary>
/// manifests/papers.lock.json, the only place cards take citations from (never the network). Loading checks it
/// against manifests/papers.yaml: an entry whose DOI or version differs from the registry is stale and refused.
/// </summary>
public sealed class PaperLock
{
    public const string Schema = "screpro.papers/1";
    public const string FileName = "papers.lock.json";

    private PaperLock(string file, PaperLockDocument document)
    {
        File = file;
        Document = document;
    }

    /// <summary>A lock with no papers (nothing cited, so nothing to read).</summary>
    public static PaperLock Empty { get; } = new("(no papers cited)", new PaperLockDocument(Schema, null, new(StringComparer.Ordinal)));

    public string File { get; }

    public PaperLockDocument Document { get; }

    /// <summary>The lock beside <paramref name="registry"/>'s file.</summary>
    public static string PathFor(PaperRegistry registry) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(registry.Origin.File))!, FileName);

    /// <summary>The lock for what <paramref name="catalog"/> cites: <see cref="Empty"/> when it cites nothing.</summary>
    public static PaperLock ForCatalog(ManifestCatalog catalog) =>
        catalog.Papers is { } registry ? Load(PathFor(registry), registry) : Empty;

    /// <summary>Reads and checks a lock; a missing file, malformed JSON or a field the cards need is one error naming the file.</summary>
    public static PaperLock Load(string file, PaperRegistry registry)
    {
        var display = Rel(file);
        if (!System.IO.File.Exists(file))
            throw new ScReproException($"{display}: not found; `screpro papers fetch` writes it from {registry.Origin.File}");
        PaperLockDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize<PaperLockDocument>(System.IO.File.ReadAllText(file), Json.Options);
        }
        catch (JsonException e)
        {
            throw new ScReproException($"{display}:{(e.LineNumber ?? 0) + 1}: malformed JSON: {e.Message}");
        }
        if (doc?.Schema != Schema) throw new ScReproException($"{display}: key 'schema': expected '{Schema}', got '{doc?.Schema}'");
        if (doc.Papers is null) throw new ScReproException($"{display}: key 'papers': missing");
        foreach (var (key, p) in doc.Papers)
        {
            foreach (var (field, value) in new[] { ("doi", p.Doi), ("server", p.Server), ("title", p.Title), ("bibtex", p.Bibtex), ("bibtex_sha256", p.BibtexSha256) })
                if (string.IsNullOrEmpty(value)) throw new ScReproException($"{display}: key 'papers.{key}.{field}': missing");
            if (p.Authors is null) throw new ScReproException($"{display}: key 'papers.{key}.authors': missing");
            if (TextHash.Sha256(p.Bibtex) != p.BibtexSha256)
                throw new ScReproException($"{display}: key 'papers.{key}.bibtex_sha256': does not match the stored BibTeX (edited by hand?); re-run `screpro papers fetch --key {key}`");
            if (registry.Find(key) is { } entry && (entry.Doi != p.Doi || entry.Version != p.Version))
                throw new ScReproException($"{display}: key 'papers.{key}': pins {Identity(p.Doi, p.Version)} but {registry.Origin.File} lists {Identity(entry.Doi, entry.Version)}; " +
                    $"re-run `screpro papers fetch --key {key}`");
        }
        return new PaperLock(file, doc with { Papers = new SortedDictionary<string, LockedPaper>(doc.Papers, StringComparer.Ordinal) });
    }

    /// <summary>The pinned paper <paramref name="cite"/> names; absent from the lock is an error naming both places.</summary>
    public LockedPaper Require(PaperRef cite) =>
        Document.Papers.TryGetValue(cite.Key, out var paper) ? paper
            : throw new ScReproException($"{cite.File}:{cite.Line}: key '{cite.Field}': paper '{cite.Key}' is not in {Rel(File)}; " +
                "run `screpro papers fetch` (cards cite only from the lock, never from the network)");

    /// <summary>
    /// sha256 over the cited entries without their fetch time, for the card stamp: re-pinning a paper re-renders the
    /// cards that cite it, and a re-fetch that changed nothing re-renders none.
    /// </summary>
    public string HashOf(IEnumerable<PaperRef> cites) =>
        TextHash.Sha256Lines(cites.Select(c => c.Key).Distinct().Order(StringComparer.Ordinal)
            .Select(k => $"{k}\t{TextHash.Sha256(Json.Serialize(Require(new PaperRef(k, "", 0, k)) with { FetchedUtc = "" }))}"));

    /// <summary>Writes <paramref name="document"/> under a temporary name, then renames it into place.</summary>
    public static void Write(string file, PaperLockDocument document) =>
        Json.WriteFile(file, document with { Papers = new SortedDictionary<string, LockedPaper>(document.Papers, StringComparer.Ordinal) });

    /// <summary>Reads an existing lock without checking it against a registry (fetch keeps the entries it does not refresh).</summary>
    public static PaperLockDocument? ReadRaw(string file)
    {
        if (!System.IO.File.Exists(file)) return null;
        try
        {
            return JsonSerializer.Deserialize<PaperLockDocument>(System.IO.File.ReadAllText(file), Json.Options);
        }
        catch (JsonException e)
        {
            throw new ScReproException($"{Rel(file)}:{(e.LineNumber ?? 0) + 1}: malformed JSON: {e.Message}");
        }
    }

    private static string Identity(string doi, int? version) => version is null ? doi : $"{doi} v{version}";

    private static string Rel(string file)
    {
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, file);
        return rel.StartsWith("..", StringComparison.Ordinal) ? file : rel;
    }
}
