using System.Text.Json;
using ScRepro.Audit.Cards;
using ScRepro.Audit.Checks;
using ScRepro.Audit.Hub;
using ScRepro.Audit.Identity;
using ScRepro.Audit.Model;
using ScRepro.Audit.Publishing;
using ScRepro.Audit.Reports;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Hashing;
using ScRepro.Foundation.IO;
using ScRepro.Core.Manifests;
using ScRepro.Contracts;
using ScRepro.Core.Provenance;

namespace ScRepro.Audit;

/// <summary>
/// One engine for both entry points: Hub mode fetches the revision's metadata and files into data/hub/ (through the
/// downloader, responses stored for --offline) and then audits that folder exactly as folder mode audits --dir.
/// </summary>
public static class AuditEngine
{
    /// <summary>Runs the audit and writes AUDIT.md, audit.json and audit.intoto.json; bad input throws (exit 2).</summary>
    public static AuditOutcome Run(AuditOptions options)
    {
        if ((options.Hub is null) == (options.Dir is null))
            throw new ScReproException("audit: give exactly one of --hub REPO[@REV] and --dir DIR");
        var root = Path.GetFullPath(options.Root);
        HubSnapshot? hub = null;
        IReadOnlyList<HubResponseRecord> responses = [];
        string folder;
        if (options.Hub is { } hubArg)
        {
            var fetched = HubFetch.Run(options, root, hubArg);
            (hub, folder, responses) = (fetched.Snapshot, fetched.Folder, fetched.Responses);
        }
        else
        {
            folder = Path.GetFullPath(options.Dir!);
        }
        var inputs = Gather(options, root, folder, hub);
        var deepest = options.Level ?? AuditLevel.Predict;
        var checks = new List<AuditCheck>();
        var metrics = new List<MetricComparison>();
        IReadOnlyList<RecipeDifference> recipe = [];
        PairingSpread? spread = null;

        checks.Add(IntegrityChecks.RevisionResolves(inputs));
        checks.Add(IntegrityChecks.HubMetadataConsistent(inputs));
        checks.Add(IntegrityChecks.FileBytes(inputs));
        checks.Add(IntegrityChecks.CardPins(inputs));
        checks.Add(IntegrityChecks.Signature(inputs));
        var (a6, weightsSha) = IntegrityChecks.Checkpoint(inputs);
        checks.Add(a6);
        if (deepest >= AuditLevel.Provenance)
        {
            checks.Add(ProvenanceChecks.CardParses(inputs));
            checks.Add(ProvenanceChecks.CommitResolves(inputs));
            checks.Add(ProvenanceChecks.StatsMatchCard(inputs));
            var (b4, rows) = ProvenanceChecks.RecipeMatches(inputs);
            checks.Add(b4);
            recipe = rows;
            checks.Add(ProvenanceChecks.DataIdentity(inputs));
            checks.Add(ProvenanceChecks.SplitIdentity(inputs));
            checks.Add(ProvenanceChecks.BaseModel(inputs));
        }
        var tolerances = ToleranceSource.Load(options, root);
        if (deepest >= AuditLevel.Evaluate)
        {
            var (c, rows) = EvaluateCheck.Run(inputs, tolerances);
            checks.Add(c);
            metrics.AddRange(rows);
        }
        if (deepest >= AuditLevel.Predict)
        {
            var d = PredictCheck.Run(inputs, tolerances);
            checks.Add(d.Check);
            metrics.AddRange(d.Rows);
            spread = d.Spread;
        }
        foreach (var skipped in Enum.GetValues<AuditLevel>().Where(l => l > deepest))
            checks.Add(new AuditCheck(LevelCheckId(skipped), skipped, $"level {VerdictRules.Name(skipped)}", CheckStatus.Skipped, $"not requested (--level {VerdictRules.Name(deepest)})"));

        var (verdict, level, line, coverage) = VerdictRules.Decide(checks, deepest);
        var files = inputs.Files.Select(f => f with
        {
            HubMatch = hub?.Tree.FirstOrDefault(e => e.Path == f.Path) is { } e ? (e.LfsSha256 is { } lfs ? lfs == f.Sha256 : e.Oid == f.GitOid) : null,
            CardPin = inputs.Card?.FilePins.FirstOrDefault(p => Path.GetFileName(p.Key) == Path.GetFileName(f.Path)).Value?.Text
                      ?? inputs.ShaManifest?.GetValueOrDefault(f.Path),
        }).ToList();
        var subject = new AuditSubject(hub is null ? "folder" : "hub",
            hub is null ? $"local folder {Path.GetFileName(folder.TrimEnd('/'))}" : $"{hub.Repo}@{hub.Sha ?? hub.RequestedRevision}",
            hub?.Repo, hub?.RequestedRevision, hub?.Sha, hub?.LastModified, folder,
            FolderScan.OmsRootDigest(inputs.Files), FolderScan.DirHash1(inputs.Files));
        var report = new AuditReport(AuditReport.SchemaId, VerdictRules.Name(verdict), level is null ? null : VerdictRules.Name(level.Value), line, coverage,
            subject, files, inputs.Card?.Claims.Append(WeightsClaim(weightsSha)).OfType<Claim>().ToList() ?? [],
            checks.OrderBy(c => c.Status).ThenBy(c => c.Id, StringComparer.Ordinal).ToList(), metrics, recipe,
            InputsOf(inputs, tolerances), responses, RerunCommand(options, hub, folder, inputs),
            ProvenanceCapture.Capture(root, new Dictionary<string, long>(), options.CommandLine), spread);
        var outDir = options.Out is { } o ? Path.GetFullPath(o) : DefaultOutDir(root, subject);
        AtomicFile.WriteAllText(Path.Combine(outDir, "AUDIT.md"), AuditMarkdown.Render(report));
        Json.WriteFile(Path.Combine(outDir, "audit.json"), report);
        AtomicFile.WriteAllText(Path.Combine(outDir, "audit.intoto.json"),
            JsonSerializer.Serialize(InTotoStatement.For(report), new JsonSerializerOptions(Json.Options) { PropertyNamingPolicy = null }) + "\n");
        return new AuditOutcome(report, outDir, VerdictRules.ExitCode(verdict, options.FailOnDrifted));
    }

    private static Claim? WeightsClaim(string? sha) => sha is null ? null : new Claim("weights_sha256 (computed)", "best_model.pt", sha);

    private static string LevelCheckId(AuditLevel level) => level switch
    {
        AuditLevel.Provenance => "B",
        AuditLevel.Evaluate => "C",
        _ => "D",
    };

    /// <summary>Reads everything the checks need; a bad argument throws, a bad file in the folder is recorded for its check.</summary>
    internal static AuditInputs Gather(AuditOptions options, string root, string folder, HubSnapshot? hub)
    {
        // A revision that did not resolve has no files to look at: every file check then says why it could not be made.
        IReadOnlyList<AuditedFile> files = hub is { Resolved: false } ? [] : FolderScan.Scan(folder);
        var cardFile = new[] { "README.md", "MODEL_CARD.md" }.FirstOrDefault(n => files.Any(f => f.Path == n));
        var card = cardFile is null ? null : CardClaims.From(CardParser.Read(Path.Combine(folder, cardFile)));
        var (stats, statsError) = ReadJson(folder, "training_stats.json");
        var (summary, summaryError) = ReadJson(folder, "summary.json");
        IReadOnlyDictionary<string, string>? shaManifest = null;
        string? shaError = null;
        if (files.Any(f => f.Path == PublishManifest.FileName))
        {
            try { shaManifest = PublishManifest.Read(Path.Combine(folder, PublishManifest.FileName)); }
            catch (ScReproException e) { shaError = e.Message; }
        }
        var manifests = Path.Combine(root, "manifests");
        ModelManifest? model = null;
        string? modelError = null;
        var modelId = options.Model ?? card?.Screpro.GetValueOrDefault("model");
        if (modelId is not null)
        {
            var source = options.Model is not null ? "--model" : $"{cardFile} front matter `screpro.model`";
            var file = Path.Combine(manifests, "models", ManifestIds.Check(modelId, source) + ".yaml");
            if (File.Exists(file)) model = ManifestLoader.LoadModel(file);
            else if (options.Model is not null) throw new ScReproException($"--model {modelId}: no manifest {file}");
            else modelError = $"{source} names '{modelId}', which has no manifest in {manifests}/models";
        }
        ManifestCatalog? catalog = null;
        string? catalogError = null;
        var expId = options.Experiment ?? card?.Screpro.GetValueOrDefault("experiment");
        if (expId is not null)
        {
            var source = options.Experiment is not null ? "--experiment" : $"{cardFile} front matter `screpro.experiment`";
            ManifestIds.Check(expId, source);
            if (File.Exists(Path.Combine(manifests, "experiments", expId + ".yaml"))) catalog = ManifestCatalog.Load(manifests, expId);
            else if (options.Experiment is not null) throw new ScReproException($"--experiment {expId}: no manifest in {manifests}/experiments");
            else catalogError = $"{source} names '{expId}', which has no manifest in {manifests}/experiments";
        }
        var codeRepo = options.CodeRepo is { } c ? Path.GetFullPath(c) : card?.MadeByScRepro == true ? root : null;
        return new AuditInputs
        {
            Options = options, ProjectRoot = root, Folder = folder, Files = files, Card = card,
            CardPath = cardFile is null ? null : Path.Combine(folder, cardFile),
            Stats = stats, StatsError = statsError, Summary = summary, SummaryError = summaryError,
            ShaManifest = shaManifest, ShaManifestError = shaError, Model = model, ModelError = modelError,
            Catalog = catalog, CatalogError = catalogError, Hub = hub, CodeRepo = codeRepo,
        };
    }

    private static (JsonElement?, string?) ReadJson(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path)) return (null, null);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 64 });
            return (doc.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (null, $"{name}: not valid JSON ({e.Message})");
        }
    }

    private static IReadOnlyList<InputRecord> InputsOf(AuditInputs inputs, ToleranceSource tolerances)
    {
        var list = new List<InputRecord>();
        if (inputs.Catalog is { } c)
        {
            list.Add(new InputRecord("experiment", Rel(inputs, c.Experiment.Origin.File), c.Experiment.Origin.Sha256));
            list.Add(new InputRecord("dataset", Rel(inputs, c.Dataset.Origin.File), c.Dataset.Origin.Sha256));
        }
        if (inputs.Model is { } m) list.Add(new InputRecord("model", Rel(inputs, m.Origin.File), m.Origin.Sha256));
        if (tolerances.Path is { } t) list.Add(new InputRecord("tolerances", Rel(inputs, t), tolerances.Sha256!));
        return list;
    }

    private static string Rel(AuditInputs inputs, string path) => Path.GetRelativePath(inputs.ProjectRoot, path).Replace('\\', '/');

    private static string DefaultOutDir(string root, AuditSubject subject) => subject.Repo is { } repo
        ? Path.Combine(root, "reports", "audits", repo.Replace("/", "__"), (subject.ResolvedSha ?? subject.RequestedRevision ?? "unresolved")[..Math.Min(12, (subject.ResolvedSha ?? subject.RequestedRevision ?? "unresolved").Length)])
        : Path.Combine(root, "reports", "audits", "local__" + Path.GetFileName(subject.Folder.TrimEnd('/')), subject.OmsRootDigest[..12]);

    private static string RerunCommand(AuditOptions o, HubSnapshot? hub, string folder, AuditInputs inputs)
    {
        var args = new List<string> { "dotnet src/ScRepro.Cli/bin/Release/net10.0/screpro.dll audit" };
        args.Add(hub is null ? $"--dir {folder}" : $"--hub {hub.Repo}@{hub.Sha ?? hub.RequestedRevision}");
        if (inputs.Catalog is { } c) args.Add($"--experiment {c.Experiment.Id}");
        if (inputs.Model is { } m) args.Add($"--model {m.Id}");
        if (o.CodeRepo is not null) args.Add($"--code-repo {o.CodeRepo}");
        if (o.Level is { } l) args.Add($"--level {VerdictRules.Name(l)}");
        if (o.HubEndpoint is not null) args.Add($"--hub-endpoint {o.HubEndpoint}");
        if (hub is not null) args.Add("--offline");
        return string.Join(" ", args);
    }
}
