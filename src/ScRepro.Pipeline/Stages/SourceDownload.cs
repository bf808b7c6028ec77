using ScRepro.Core.Download;
using ScRepro.Foundation.IO;
using ScRepro.Core.Manifests;

namespace ScRepro.Pipeline.Stages;

/// <summary>
/// One manifest source as a Download unit. The file lands in data/&lt;id&gt;/&lt;path&gt; (the downloader writes to a
/// temporary name, checks size and sha256, then renames); archives are extracted with every entry checked to stay
/// inside the dataset folder. The unit's stamp and receipt live in data/&lt;id&gt;/.screpro/sources/&lt;n&gt;/; the files are
/// its products, so deleting one fetches it again.
/// </summary>
public static class SourceDownload
{
    public static WorkUnit Plan(RunContext ctx, DatasetSource source)
    {
        var index = ctx.Dataset.Sources.ToList().IndexOf(source);
        var target = ctx.DataFile(source.Path);
        var inputs = new Dictionary<string, string> { ["source"] = SpecHash(source) };
        return DatasetUnit.Create(ctx, "sources", index, source.Path, inputs, tmp => Fetch(ctx, source, target, tmp),
            [target, .. source.Provides.Select(ctx.DataFile)]);
    }

    /// <summary>The stamp input of a source: every manifest field that decides what lands in data/&lt;id&gt;/.</summary>
    public static string SpecHash(DatasetSource source) => YamlValues.CanonicalHash(new SortedDictionary<string, object?>
    {
        ["url"] = source.Url, ["path"] = source.Path, ["sha256"] = source.Sha256, ["size"] = source.Size,
        ["extract"] = source.Extract, ["provides"] = source.Provides.ToList(), ["then_extract"] = source.ThenExtract.ToList(),
    });

    private static void Fetch(RunContext ctx, DatasetSource source, string target, string receiptDir)
    {
        using var downloader = new Downloader(new DownloadOptions());
        var result = downloader.Download(new DownloadRequest(new Uri(source.Url), target, source.Size, source.Sha256));
        var extracted = new List<string>();
        if (source.Extract != "none")
        {
            var kind = ArchiveExtractor.ParseKind(source.Extract, $"{ctx.Dataset.Origin.File}: extract");
            extracted.AddRange(ArchiveExtractor.Extract(target, kind, ctx.DataDir, [DatasetUnit.Bookkeeping]));
            foreach (var inner in source.ThenExtract)
            {
                var innerKind = inner.EndsWith(".tar.gz", StringComparison.Ordinal) ? ArchiveKind.TarGz
                    : inner.EndsWith(".zip", StringComparison.Ordinal) ? ArchiveKind.Zip
                    : inner.EndsWith(".gz", StringComparison.Ordinal) ? ArchiveKind.Gz
                    : throw new Foundation.Errors.ScReproException($"{ctx.Dataset.Origin.File}: key 'then_extract': '{inner}' is not a .zip, .tar.gz or .gz");
                extracted.AddRange(ArchiveExtractor.Extract(ctx.DataFile(inner), innerKind, ctx.DataDir, [DatasetUnit.Bookkeeping]));
            }
            var missing = source.Provides.Where(p => !File.Exists(ctx.DataFile(p))).ToList();
            if (missing.Count > 0)
                throw new Foundation.Errors.ScReproException($"{ctx.Dataset.Origin.File}: key 'provides': archive {source.Url} did not contain {string.Join(", ", missing)}");
        }
        Json.WriteFile(Path.Combine(receiptDir, "receipt.json"), new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["url"] = source.Url,
            ["path"] = source.Path,
            ["size"] = result.Size,
            ["sha256"] = result.Sha256,
            ["pinned"] = source.Sha256 is null ? "first_download" : "manifest",
            ["attempts"] = result.Attempts,
            ["extracted"] = extracted,
        });
    }
}
