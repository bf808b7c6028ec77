using ScRepro.Core.Manifests;
using ScRepro.Verification.Comparison;

namespace ScRepro.Papers;

/// <summary>
/// `screpro papers check` (research note §4.5): asks the services again about every pinned paper and reports what
/// changed since the numbers were read — a newer bioRxiv version or a journal publication (the details' `published`,
/// Crossref's `relation["is-preprint-of"]`) is DRIFTED, a correction DRIFTED, a retraction or withdrawal BROKEN.
/// </summary>
public static class PaperChecker
{
    private static readonly string[] Fatal = ["retraction", "withdrawal", "removal"];

    public static IReadOnlyList<PaperFinding> Check(PaperRegistry registry, PaperLock pinned, PaperEndpoints endpoints, PaperClient client)
    {
        var findings = new List<PaperFinding>();
        foreach (var entry in registry.Papers)
        {
            var locked = pinned.Require(new PaperRef(entry.Key, registry.Origin.File, entry.Line, $"papers.{entry.Key}"));
            var published = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (locked.PublishedDoi is { } known) published.Add(known);
            if (entry.IsPreprint)
            {
                var url = endpoints.Details(entry.Server, entry.Doi);
                var versions = BiorxivDetails.Parse(url, client.Get(url, PaperFetcher.JsonMime).Body, entry.Doi);
                var latest = versions[^1];
                if (latest.Version > entry.Version)
                    findings.Add(new(entry.Key, Verdict.Drifted,
                        $"v{latest.Version} posted{(latest.Date is null ? "" : " on " + latest.Date)}; the numbers were read from v{entry.Version}"));
                foreach (var doi in versions.Select(v => v.PublishedDoi).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
                    if (published.Add(doi))
                        findings.Add(new(entry.Key, Verdict.Drifted, $"now published as https://doi.org/{doi} ({entry.Server} details 'published')"));
            }
            var workUrl = endpoints.Work(entry.Doi, Environment.GetEnvironmentVariable("SCREPRO_MAILTO"));
            var work = CrossrefWork.Parse(workUrl, client.Get(workUrl, PaperFetcher.JsonMime).Body);
            foreach (var doi in work.PreprintOf)
                if (published.Add(doi))
                    findings.Add(new(entry.Key, Verdict.Drifted, $"published version https://doi.org/{doi} (Crossref is-preprint-of)"));
            foreach (var update in work.Updates)
            {
                var fatal = Fatal.Contains(update.Type.ToLowerInvariant());
                findings.Add(new(entry.Key, fatal ? Verdict.Broken : Verdict.Drifted,
                    $"{(fatal ? "RETRACTED" : "updated")}: {update.Label ?? update.Type}{(update.Doi is null ? "" : $" https://doi.org/{update.Doi}")}" +
                    $"{(update.Date is null ? "" : $" ({update.Date})")} (Crossref {update.Type})"));
            }
        }
        return findings;
    }

    /// <summary>Exit code as `audit` and `nightly` give it: 0 nothing or DRIFTED, 3 DRIFTED with --fail-on drifted, 4 BROKEN.</summary>
    public static int ExitCode(IReadOnlyList<PaperFinding> findings, bool failOnDrifted) =>
        Verdicts.Worst(findings.Select(f => f.Verdict)) switch
        {
            Verdict.Broken => 4,
            Verdict.Drifted => failOnDrifted ? 3 : 0,
            _ => 0,
        };
}
