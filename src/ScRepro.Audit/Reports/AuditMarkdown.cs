using System.Globalization;
using System.Text;
using ScRepro.Audit.Model;

namespace ScRepro.Audit.Reports;

/// <summary>
/// AUDIT.md in §2.5's layout: verdict line with level and coverage, subject, files, claims, checks (FAIL → WARN →
/// UNVERIFIABLE → SKIPPED → PASS), metrics with Δ and bands, recipe diff, the command to re-run it, provenance.
/// </summary>
public static class AuditMarkdown
{
    /// <summary>The page for a finished report.</summary>
    public static string Render(AuditReport r)
    {
        var s = new StringBuilder();
        s.Append("# Audit: ").Append(r.Subject.Name).Append("\n\n");
        s.Append("**").Append(Cell(r.VerdictLine)).Append("**\n\n");
        s.Append(r.Coverage).Append(".\n\n");

        s.Append("## Subject\n\n");
        s.Append("- Kind: ").Append(r.Subject.Kind).Append('\n');
        if (r.Subject.Repo is not null)
            s.Append("- Repository: `").Append(r.Subject.Repo).Append("` revision `").Append(r.Subject.RequestedRevision)
                .Append("` → `").Append(r.Subject.ResolvedSha ?? "unresolved").Append("` (last modified ").Append(r.Subject.LastModified ?? "unknown").Append(")\n");
        s.Append("- Folder: `").Append(r.Subject.Folder).Append("`\n");
        s.Append("- OMS root digest: `").Append(r.Subject.OmsRootDigest).Append("`\n");
        s.Append("- dirHash1: `").Append(r.Subject.DirHash1).Append("`\n\n");

        s.Append("## Files\n\n| path | size | sha256 | git oid | Hub match | card pin |\n|---|---|---|---|---|---|\n");
        foreach (var f in r.Files)
            s.Append($"| `{f.Path}` | {f.Size.ToString(CultureInfo.InvariantCulture)} | `{f.Sha256}` | `{f.GitOid}` | {(f.HubMatch is null ? "n/a" : f.HubMatch.Value ? "yes" : "NO")} | {(f.CardPin is null ? "none" : f.CardPin == f.Sha256 ? "matches" : "DIFFERS")} |\n");

        s.Append("\n## Claims read from the card\n\n| claim | source | value |\n|---|---|---|\n");
        foreach (var c in r.Claims) s.Append($"| {Cell(c.Name)} | {Cell(c.Source)} | {Cell(c.Value)} |\n");

        s.Append("\n## Checks\n\n| id | level | check | status | reason |\n|---|---|---|---|---|\n");
        foreach (var c in r.Checks) s.Append($"| {c.Id} | {VerdictRules.Name(c.Level)} | {Cell(c.Title)} | {VerdictRules.Status(c.Status)} | {Cell(c.Reason)} |\n");

        s.Append("\n## Metrics\n\n");
        if (r.Metrics.Count == 0) s.Append("No metric was recomputed (levels evaluate and predict were not reached).\n");
        else
        {
            s.Append("| metric | claimed | source | audit | Δ | Δ% | reproduced band | broken band | profile | status |\n|---|---|---|---|---|---|---|---|---|---|\n");
            foreach (var m in r.Metrics)
                s.Append($"| {m.Metric} | {Cell(m.Claimed)} | {Cell(m.Source)} | {Num(m.AuditValue)} | {Num(m.Delta)} | {Num(m.DeltaPercent)} | {Num(m.ReproducedBand)} | {Num(m.BrokenBand)} | {m.Profile} | {VerdictRules.Status(m.Status)} |\n");
        }

        if (r.RepredictSpread is { } sp) Spread(s, sp);

        s.Append("\n## Recipe diff\n\n");
        if (r.Recipe.Count == 0) s.Append("No model manifest to compare with.\n");
        else
        {
            s.Append("| key | claimed | where | manifest | state |\n|---|---|---|---|---|\n");
            foreach (var d in r.Recipe) s.Append($"| {d.Key} | {Cell(d.Claimed ?? "")} | {Cell(d.ClaimedSource ?? "")} | {Cell(d.Manifest ?? "")} | {d.State} |\n");
        }

        s.Append("\n## Re-run this audit\n\n```bash\n").Append(r.RerunCommand).Append("\n```\n");

        var p = r.Provenance;
        s.Append("\n## Provenance\n\n");
        s.Append($"- ScRepro commit: `{p.Commit}` ({(p.Dirty ? "dirty: " + string.Join(", ", p.DirtyPaths) : "clean tree")})\n");
        s.Append($"- Environment: ScRepro {p.ScreproVersion}, .NET {p.DotnetVersion}, {p.Os}, {p.CpuModel}, {p.Threads} threads\n");
        s.Append($"- Generated: {p.UtcTime}\n- Command: `{p.CommandLine}`\n");
        foreach (var i in r.Inputs) s.Append($"- Input {i.Role}: `{i.Path}` (sha256 `{i.Sha256}`)\n");
        foreach (var h in r.HubResponses) s.Append($"- Hub response `{h.Request}`: `{h.Path}` (sha256 `{h.Sha256}`)\n");
        return s.ToString();
    }

    /// <summary>The re-prediction spread: one row per metric, the card seed's value first, then each other seed's.</summary>
    private static void Spread(StringBuilder s, PairingSpread sp)
    {
        s.Append("\n## Re-prediction spread over seeds\n\n");
        s.Append($"The checkpoint was re-predicted with the card's seed {sp.CardSeed} (judged above) and with seeds ")
            .Append(string.Join(", ", sp.Seeds.Select(k => k.ToString(CultureInfo.InvariantCulture))))
            .Append($": {Cell(sp.Derivation)}. Values are the {sp.Statistic}; \"within noise\" is |claimed − mean| inside {Cell(sp.Band)}. ")
            .Append("This shows how much of a metric the prediction's own random draws move; it does not change the verdict.\n\n");
        s.Append("| metric | claimed | seed ").Append(sp.CardSeed.ToString(CultureInfo.InvariantCulture)).Append(" (card) | ")
            .Append(string.Join(" | ", sp.Seeds.Select(k => "seed " + k.ToString(CultureInfo.InvariantCulture))))
            .Append(" | mean | sd | min | max | band | z | within noise |\n|")
            .Append(string.Concat(Enumerable.Repeat("---|", sp.Seeds.Count + 10))).Append('\n');
        foreach (var m in sp.Metrics)
            s.Append($"| {m.Metric} | {Num(m.Claimed)} | {string.Join(" | ", m.Values.Select(Num))} | {Num(m.Mean)} | {Num(m.Sd)} | {Num(m.Min)} | {Num(m.Max)} | {Num(m.Threshold)} | {Num(m.Z)} | {(m.WithinNoise is null ? "no claim" : m.WithinNoise.Value ? "yes" : "NO")} |\n");
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");

    private static string Num(double? v) => v switch
    {
        null => "",
        { } x when double.IsNaN(x) => "NaN",
        { } x => x.ToString("G6", CultureInfo.InvariantCulture),
    };
}
