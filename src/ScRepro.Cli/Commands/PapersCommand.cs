using System.CommandLine;
using ScRepro.Core.Manifests;
using ScRepro.Papers;
using ScRepro.Verification.Comparison;

namespace ScRepro.Cli.Commands;

/// <summary>
/// `screpro papers fetch|check`: pin the metadata of manifests/papers.yaml's papers in manifests/papers.lock.json,
/// and later ask whether a pinned paper has a newer version, a journal version, a correction or a retraction.
/// Both use the network; cards never do (they read the lock).
/// </summary>
internal static class PapersCommand
{
    public static Command Create()
    {
        var command = new Command("papers", "Pinned literature references: manifests/papers.yaml → manifests/papers.lock.json");
        command.Subcommands.Add(Fetch());
        command.Subcommands.Add(Check());
        return command;
    }

    private static Command Fetch()
    {
        var (root, biorxiv, crossref, doi) = CommonOptions();
        var key = new Option<string[]>("--key") { Description = "Refresh only these papers (repeatable); the others keep their lock entries", AllowMultipleArgumentsPerToken = true };
        var command = new Command("fetch", "Fetch every paper's metadata (bioRxiv details API, Crossref /works, BibTeX from doi.org) and rewrite the lock atomically")
        {
            root, biorxiv, crossref, doi, key,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var registry = Registry(parse.GetValue(root)!);
            using var client = new PaperClient();
            var lockFile = PaperLock.PathFor(registry);
            var document = PaperFetcher.Fetch(registry, lockFile, Endpoints(parse, biorxiv, crossref, doi), client, parse.GetValue(key) ?? [],
                "screpro " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
            Console.Out.WriteLine($"papers: {document.Papers.Count} pinned in {Path.GetRelativePath(Environment.CurrentDirectory, lockFile)}");
            return 0;
        }));
        return command;
    }

    private static Command Check()
    {
        var (root, biorxiv, crossref, doi) = CommonOptions();
        var failOn = new Option<string>("--fail-on") { Description = "broken (default: exit 4 only on a retraction) or drifted (also exit 3 on a new version, publication or correction)", DefaultValueFactory = _ => "broken" };
        var command = new Command("check", "Report pinned papers that have a newer preprint version, a published version, a correction or a retraction")
        {
            root, biorxiv, crossref, doi, failOn,
        };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var fail = parse.GetValue(failOn) is "drift" ? "drifted" : parse.GetValue(failOn)!;
            if (fail is not ("broken" or "drifted")) throw new Foundation.Errors.ScReproException($"--fail-on '{fail}': expected broken or drifted");
            var registry = Registry(parse.GetValue(root)!);
            using var client = new PaperClient();
            var findings = PaperChecker.Check(registry, PaperLock.Load(PaperLock.PathFor(registry), registry), Endpoints(parse, biorxiv, crossref, doi), client);
            foreach (var f in findings) Console.Out.WriteLine($"{f.Key}: {Verdicts.Name(f.Verdict)}: {f.Message}");
            var worst = Verdicts.Worst(findings.Select(f => f.Verdict));
            Console.Out.WriteLine(findings.Count == 0
                ? $"papers: all {registry.Papers.Count} pinned papers are current"
                : $"papers: {Verdicts.Name(worst)} ({findings.Count} finding{(findings.Count == 1 ? "" : "s")} over {registry.Papers.Count} papers)");
            return PaperChecker.ExitCode(findings, fail == "drifted");
        }));
        return command;
    }

    private static (Option<string> Root, Option<string> Biorxiv, Option<string> Crossref, Option<string> Doi) CommonOptions() => (
        new Option<string>("--root") { Description = "Project root (default: the current directory)", DefaultValueFactory = _ => "." },
        new Option<string>("--biorxiv-endpoint") { Description = $"bioRxiv API (default: $SCREPRO_BIORXIV_ENDPOINT, else {PaperEndpoints.DefaultBiorxiv})" },
        new Option<string>("--crossref-endpoint") { Description = $"Crossref REST API (default: $SCREPRO_CROSSREF_ENDPOINT, else {PaperEndpoints.DefaultCrossref}); $SCREPRO_MAILTO joins the polite pool" },
        new Option<string>("--doi-endpoint") { Description = $"DOI resolver for BibTeX (default: $SCREPRO_DOI_ENDPOINT, else {PaperEndpoints.DefaultDoi})" });

    private static PaperEndpoints Endpoints(ParseResult parse, Option<string> biorxiv, Option<string> crossref, Option<string> doi) =>
        PaperEndpoints.Resolve(parse.GetValue(biorxiv), parse.GetValue(crossref), parse.GetValue(doi));

    private static PaperRegistry Registry(string root) => PaperRegistryLoader.Load(Path.Combine(root, "manifests", PaperRegistry.FileName));
}
