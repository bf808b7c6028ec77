using System.Text.Json;

namespace ScRepro.Audit.Hub;

/// <summary>
/// Lenient readers for the Hub's JSON: unknown fields are ignored on purpose (the fake Hub is written from documented
/// shapes; the real one sends more), and the two LFS spellings (siblings `lfs.sha256`, tree `lfs.oid`) are both read.
/// </summary>
public static class HubJson
{
    /// <summary>model_info siblings: {rfilename, blobId, size, lfs?: {sha256, size}}.</summary>
    public static IReadOnlyList<HubEntry> Siblings(JsonElement info) =>
        info.TryGetProperty("siblings", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Where(e => Str(e, "rfilename") is not null).Select(e => new HubEntry(Str(e, "rfilename")!, "file", Str(e, "blobId"), Long(e, "size"),
                e.TryGetProperty("lfs", out var lfs) && lfs.ValueKind == JsonValueKind.Object ? Str(lfs, "sha256") : null,
                e.TryGetProperty("lfs", out var lfs2) && lfs2.ValueKind == JsonValueKind.Object ? Long(lfs2, "size") : null)).ToList()
            : [];

    /// <summary>tree / paths-info entries: {type, oid, size, path, lfs?: {oid, size}}.</summary>
    public static IEnumerable<HubEntry> Entries(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array) yield break;
        foreach (var e in array.EnumerateArray())
        {
            if (Str(e, "path") is not { } path) continue;
            var lfs = e.TryGetProperty("lfs", out var l) && l.ValueKind == JsonValueKind.Object ? l : default;
            yield return new HubEntry(path, Str(e, "type") ?? "unknown", Str(e, "oid"), Long(e, "size"),
                lfs.ValueKind == JsonValueKind.Object ? Str(lfs, "oid") ?? Str(lfs, "sha256") : null,
                lfs.ValueKind == JsonValueKind.Object ? Long(lfs, "size") : null);
        }
    }

    /// <summary>A string property, or null.</summary>
    public static string? Str(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Long(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    /// <summary>file_download.py _normalize_etag: drop a weak "W/" prefix and the quotes.</summary>
    public static string? NormalizeEtag(string? etag) =>
        etag is null ? null : (etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag).Trim('"');
}
