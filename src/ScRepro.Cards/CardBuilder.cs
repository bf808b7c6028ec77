using System.Globalization;
using System.Text.Json;
using ScRepro.Cards.Hub;
using ScRepro.Core.Hashing;
using ScRepro.Core.Manifests;
using ScRepro.Contracts;
using ScRepro.Papers;

namespace ScRepro.Cards;

/// <summary>
/// Builds a <see cref="ModelCard"/> for one model of an experiment from what the stages wrote: training_stats.json
/// and summary.json per seed, the dataset lock and the split. Limitations come from the model manifest plus those
/// the pipeline detects (a dirty tree, a metric that never moved, a budget that cut training short, simulated data).
/// </summary>
public static class CardBuilder
{
    public sealed record SeedRun(long Seed, TrainStats Train, EvalSummary Eval, string TrainDir);

    public static ModelCard Build(CardRun ctx, ModelManifest model, IReadOnlyList<SeedRun> runs, LockFile lockFile, SplitMembers split)
    {
        var exp = ctx.Experiment;
        var ds = ctx.Dataset;
        var first = runs[0];
        var p = first.Train.Provenance ?? throw new Foundation.Errors.ScReproException($"card for {model.Id}: training_stats.json of seed {first.Seed} has no provenance block");
        // The table shows every metric computed (as the seed card does); the experiment's `metrics` are the headline
        // ones that go into the model-index front matter and the comparison page.
        var metrics = AverageOverSeeds(runs, runs[0].Eval.Metrics.Select(m => m.Name).ToList());
        var headline = exp.Metrics.Count > 0 ? metrics.Where(m => exp.Metrics.Contains(m.Name)).ToList() : metrics;
        var simulated = ds.Generator is not null;

        var provenance = new CardProvenance(
            Commit: p.Commit, ShortCommit: p.ShortCommit, Dirty: p.Dirty ? $"dirty: {string.Join(", ", p.DirtyPaths)}" : "clean tree",
            Describe: p.Describe ?? "none",
            Runner: $"./build.sh --target=Card --experiment={exp.Id}  (stage: {p.CommandLine})",
            DatasetManifest: ds.Origin.File, DatasetManifestSha256: ds.Origin.Sha256, DatasetLockSha256: lockFile.LockSha256,
            DataNote: simulated
                ? $"SIMULATED data from ScRepro's seeded generator '{ds.Generator!.Name}' (seed {ds.Generator.Seed}); not a biological measurement"
                : PinNote(lockFile),
            SplitPolicy: $"{exp.Split.Policy}, seed {exp.Split.Seed}{FormatParameters(exp.Split.Parameters)}",
            SplitMembershipHash: split.MembershipHash, SplitCounts: split.Counts,
            Seeds: $"split {exp.Split.Seed}; training {string.Join(", ", runs.Select(r => r.Seed))}",
            Environment: $"ScRepro {p.ScreproVersion}, .NET {p.DotnetVersion}{(p.LibtorchVersion is null ? "" : $", libtorch {p.LibtorchVersion}")}, {p.Os}, {p.CpuModel}, {p.Threads} threads",
            GeneratedUtc: p.UtcTime);

        var recipe = new List<KeyValue>
        {
            new("model kind", model.Kind),
            new("task", TaskName(exp.Task)),
            new("dataset", $"{ds.Title} (`{ds.Id}`, file `{exp.File}`)"),
            new("columns", ColumnsText(exp.Columns)),
        };
        recipe.AddRange(model.Hyperparameters.Select(kv => new KeyValue(kv.Key, Format.Value(kv.Value))));
        foreach (var (key, value) in Chosen(first.Train.Details)) recipe.Add(new KeyValue(key, value));

        var budget = BudgetRows(model.Budget, runs);
        var limitations = new List<string>(model.Limitations);
        limitations.AddRange(DetectedLimitations(ctx, model, runs, metrics, simulated));
        var modelLicence = ModelLicence.ForKind(model.Kind);
        if (modelLicence is not null) limitations.Add($"Licence: {modelLicence.Statement} The data set's licence: {ds.License.Name ?? ds.License.Id}.");
        if (limitations.Count == 0) limitations.Add("None recorded by the manifest, and none detected by the pipeline.");

        var files = new List<FileRow>();
        foreach (var run in runs)
        {
            foreach (var f in FilesOf(run))
            {
                var full = Path.Combine(run.TrainDir, f.Name);
                if (!File.Exists(full)) throw new Foundation.Errors.ScReproException($"card for {model.Id}: listed file {full} is missing");
                files.Add(new FileRow($"train/{model.Id}/seed{run.Seed}/{f.Name}", FileHasher.Sha256(full), f.Description));
            }
        }

        var references = exp.References.Where(r => r.Model == model.Id).Select(r =>
        {
            var ours = metrics.FirstOrDefault(m => m.Name == r.Metric);
            return new ReferenceRow(r.Metric, r.Value, ours is not null, ours?.Mean, $"{PaperCitation.MarkdownLink(ctx.Papers.Require(r.Paper))}, {r.Locator}");
        }).ToList();

        return new ModelCard(
            Title: $"{model.Title} on {ds.Title}",
            Summary: $"Produced by ScRepro (experiment `{exp.Id}`: {exp.Title}).{(simulated ? " The data is SIMULATED by ScRepro's embedded demo generator; the numbers show the pipeline works, not how the model does on real cells." : "")}",
            Hub: HubMetadataOf(exp, ds, model, headline, simulated),
            Provenance: provenance,
            BaseModel: BaseModelText(model, first.Train.Details),
            Recipe: recipe,
            Budget: budget,
            MetricsSource: exp.Task == ModelTask.Perturbation ? "cell-eval definitions; mean/median/max over test perturbations" : "sklearn definitions; one value per seed",
            Metrics: metrics.Select(m => new MetricRow(m.Name, m.Mean, m.Median, m.Max)).ToList(),
            References: references,
            Limitations: limitations,
            Files: files,
            Usage: Usage(ctx, model),
            Citations: Citations(ctx, model),
            Figures: []);
    }

    /// <summary>
    /// The Hub front matter: the dataset's licence (a Hub id, or `other` with its name and link), the headline metrics
    /// in model-index (finite means only: the Hub wants numbers), and base_model only where the manifest names a Hub model.
    /// </summary>
    private static HubMetadata HubMetadataOf(ExperimentManifest exp, DatasetManifest ds, ModelManifest model,
        IReadOnlyList<MetricStats> headline, bool simulated)
    {
        var taskType = exp.Task == ModelTask.Perturbation ? "perturbation-response-prediction" : "cell-type-annotation";
        var metrics = headline.Where(m => m.Mean is { } v && double.IsFinite(v))
            .Select(m => new ModelIndexMetric(m.Name, m.Mean!.Value, $"{m.Name} (mean)")).ToList();
        // A model family whose code and weights carry their own licence (scBERT GPL-3.0, Geneformer Apache-2.0) puts it
        // in the front matter; the data set's licence is then stated in the card's licence line.
        var modelLicence = ModelLicence.ForKind(model.Kind);
        return new HubMetadata(modelLicence?.HubId ?? ds.License.Id, modelLicence is null ? ds.License.Name : null,
            modelLicence is null ? ds.License.Link : null, LibraryName: "screpro",
            Tags: ["single-cell", "screpro", exp.Task.Name(), model.Kind, .. simulated ? new[] { "simulated-data" } : []],
            Datasets: [ds.Id], BaseModel: model.BaseModel, BaseModelRelation: model.BaseModel is null ? null : "finetune",
            ModelIndex: [new ModelIndexEntry(model.Id, [new ModelIndexResult(new ModelIndexTask(taskType, TaskName(exp.Task)),
                new ModelIndexDataset(ds.Id, ds.Title, "test"), metrics)])]);
    }

    /// <summary>Per metric, the mean over seeds of each statistic (identical to the single run when there is one seed).</summary>
    public static IReadOnlyList<MetricStats> AverageOverSeeds(IReadOnlyList<SeedRun> runs, IReadOnlyList<string> names) =>
        names.Select(name =>
        {
            var rows = runs.Select(r => r.Eval.Metrics.FirstOrDefault(m => m.Name == name)
                ?? throw new Foundation.Errors.ScReproException($"metric '{name}' missing from the evaluation of seed {r.Seed}")).ToList();
            static double? Avg(IEnumerable<double?> values)
            {
                var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
                return present.Count == 0 ? null : present.Average();
            }
            return new MetricStats(name, Avg(rows.Select(r => r.Mean)), Avg(rows.Select(r => r.Median)), Avg(rows.Select(r => r.Max)),
                rows.Sum(r => r.Count), rows.Sum(r => r.NullCount), rows[0].Direction);
        }).ToList();

    /// <summary>The budget table: limits and what training used, with time per epoch and peak memory (seed 003 compares models on both).</summary>
    public static IReadOnlyList<KeyValue> BudgetRows(Budget budget, IReadOnlyList<SeedRun> runs)
    {
        // Gradient-training facts exist only for fine-tuned families; closed-form fits show the fallback.
        string Detail(Func<FineTuneDetails, object?> field, string fallback) =>
            string.Join(" / ", runs.Select(r => r.Train.Details is FineTuneDetails f && field(f) is { } v ? Format.Value(v) : fallback).Distinct());
        var fineTuned = runs[0].Train.Details is FineTuneDetails;
        var limit = (long? v) => v is null ? "no limit" : v.Value.ToString(CultureInfo.InvariantCulture);
        return
        [
            new("epochs trained", $"{Detail(f => f.EpochsTrained, "n/a (closed-form fit)")} / {limit(budget.Epochs)}"),
            new("cells seen", string.Join(" / ", runs.Select(r => Format.Value(r.Train.Details.CellsSeen)).Distinct())),
            new("gradient steps", $"{Detail(f => f.GradientSteps, "0 (closed-form fit)")} (limit: {limit(budget.MaxSteps)})"),
            new("wall clock", $"{string.Join(" / ", runs.Select(r => Format.Duration(r.Train.WallClockS)))} (limit: {(budget.MaxWallClockS is { } w ? Format.Duration(w) : "no limit")}) on {runs[0].Train.Provenance?.CpuModel}"
                + (fineTuned ? $", {Detail(f => f.Hardware, "n/a")}" : "")),
            .. (ModelDetail(runs, m => m.Precision) is { } precision ? [new KeyValue("precision", precision)] : Array.Empty<KeyValue>()),
            new("time per epoch", EpochTimes.Describe(runs.Select(r => r.Train.Details))),
            new("peak memory", fineTuned ? Detail(f => f.PeakMemory, "not recorded") : "not measured (closed-form fit)"),
            new($"best validation {budget.EarlyStoppingMetric ?? "metric"}", Detail(f => f.BestValValue, "n/a (no validation-driven training)")),
            new("best validation epoch", Detail(f => f.BestValEpoch, "n/a")),
            new("early stopping", budget.EarlyStoppingMetric is null ? "none" : $"on {budget.EarlyStoppingMetric}, patience {limit(budget.Patience)}"),
            new("stopping reason", string.Join(" / ", runs.Select(r => r.Train.Reason.Name()).Distinct())),
        ];
    }

    /// <summary>A field of a fine-tuned model's details (e.g. precision), joined over seeds; null when no run has it.</summary>
    private static string? ModelDetail(IReadOnlyList<SeedRun> runs, Func<ModelDetails, string?> field)
    {
        var values = runs.Select(r => r.Train.Details is FineTuneDetails f ? field(f.Model) : null)
            .Where(v => v is not null).Distinct().ToList();
        return values.Count == 0 ? null : string.Join(" / ", values);
    }

    private static IEnumerable<string> DetectedLimitations(CardRun ctx, ModelManifest model, IReadOnlyList<SeedRun> runs,
        IReadOnlyList<MetricStats> metrics, bool simulated)
    {
        var p = runs[0].Train.Provenance!;
        if (simulated)
            yield return "Trained and evaluated on simulated data: use these numbers to check the pipeline, not to rank models on biology.";
        if (p.Dirty)
            yield return $"Built from a dirty working tree ({string.Join(", ", p.DirtyPaths)}): the commit alone does not reproduce it.";
        // scGPT's tokenisation and pairing draw from unseeded generators; ours are seeded, which the card must say.
        if (ModelDetail(runs, m => m.RngNote) is { } rng)
            yield return $"Random draws differ from the original code's: {rng}.";
        if (runs.Any(r => r.Train.Reason == StopReason.Budget))
            yield return "The budget (steps or wall clock) cut training short before its epochs were done.";
        foreach (var m in metrics)
        {
            if (m.Count > 0 && m.NullCount == m.Count)
                yield return $"{m.Name} is undefined (NaN/null) for every test item; for {model.Kind} this usually means the prediction does not vary.";
            else if (m.Count > 1 && m.Mean is { } mean && m.Max is { } max && m.Median is { } med && mean == max && med == max)
                yield return $"{m.Name} never moved: it has the same value ({Format.Number(max)}) for every test item.";
        }
        if (runs.Any(r => r.Eval.Notes.Count > 0))
            foreach (var (k, v) in runs[0].Eval.Notes) yield return $"{k}: {v}";
    }

    private static IEnumerable<OutputFile> FilesOf(SeedRun run)
    {
        yield return new OutputFile("training_stats.json", "TrainStats (wall_clock_s, wandb_run_url, reason, details) with provenance");
        foreach (var f in run.Train.Details.Files) yield return f;
    }

    private static IEnumerable<(string, string)> Chosen(TrainDetails details) =>
        details.Chosen.OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => (c.Name + " (chosen)", c.Number is { } n ? Format.Value(n) : c.Text ?? "none"));

    private static string BaseModelText(ModelManifest model, TrainDetails details) =>
        details.BaseModel ?? model.Description ?? $"None: `{model.Kind}` is trained from scratch on this split.";

    private static string PinNote(LockFile lockFile)
    {
        var firstUse = lockFile.Files.Where(f => f.Pinned == PinSource.FirstDownload).Select(f => f.Path).ToList();
        return firstUse.Count == 0 ? "every file's hash is pinned in the manifest"
            : $"pinned on first download (no hash published): {string.Join(", ", firstUse)}";
    }

    private static string FormatParameters(IReadOnlyDictionary<string, object?> parameters) =>
        parameters.Count == 0 ? "" : ", " + string.Join(", ", parameters.Select(kv => $"{kv.Key}={Format.Value(kv.Value)}"));

    private static string ColumnsText(ExperimentColumns c) =>
        string.Join(", ", new[] { ("perturbation", c.Perturbation), ("control", c.Control), ("label", c.Label), ("batch", c.Batch) }
            .Where(x => x.Item2 is not null).Select(x => $"{x.Item1}=`{x.Item2}`"));

    private static string TaskName(ModelTask task) => task == ModelTask.Perturbation
        ? "perturbation response prediction (perturb-GEP): predict the expression profile of unseen perturbations"
        : "cell-type annotation";

    private static string Usage(CardRun ctx, ModelManifest model) =>
        $"# reproduce this card from a clone at commit {ctx.ShortCommit}\n" +
        $"git checkout {ctx.Commit}\n./build.sh --target=Card --experiment={ctx.Experiment.Id}\n" +
        $"# or stage by stage, each skipped when its stamps match\n" +
        string.Join("\n", new[] { "download", "hash", "split", "train", "evaluate", "card" }.Select(s => $"dotnet src/ScRepro.Cli/bin/Release/net10.0/screpro.dll {s} --experiment {ctx.Experiment.Id}")) +
        $"\n# this model's outputs: predictions and TrainStats, then the metric tables\n" +
        $"ls runs/{ctx.Experiment.Id}/{ctx.RunName}/train/{model.Id}/seed{ctx.Experiment.Seeds[0]}/ runs/{ctx.Experiment.Id}/{ctx.RunName}/eval/{model.Id}/seed{ctx.Experiment.Seeds[0]}/";

    private static string LicenceText(DatasetLicense l) =>
        (l.Id == HubLicenses.Other ? $"{l.Name} (other; terms: {l.Link})" : l.Id) + (l.Note is null ? "" : $". {l.Note}");

    /// <summary>The papers this card cites, as the card stamp keys them: the dataset's, the model's, and those its reported numbers come from.</summary>
    public static IEnumerable<PaperRef> CitedPapers(ExperimentManifest exp, DatasetManifest ds, ModelManifest model) =>
        ds.Papers.Concat(model.Papers).Concat(exp.References.Where(r => r.Model == model.Id).Select(r => r.Paper));

    /// <summary>Every citation is rendered from the pinned lock (authors, title, venue and version, DOI link); prose notes stay beside them.</summary>
    private static IReadOnlyList<string> Citations(CardRun ctx, ModelManifest model)
    {
        var ds = ctx.Dataset;
        string Cite(PaperRef p) => PaperCitation.Full(ctx.Papers.Require(p));
        var list = new List<string>();
        if (ds.Citation is not null) list.Add($"Dataset: {ds.Citation}");
        list.AddRange(ds.Papers.Select(p => $"Dataset: {Cite(p)}"));
        list.Add($"Dataset licence: {LicenceText(ds.License)}");
        if (model.Citation is not null) list.Add($"Model: {model.Citation}");
        list.AddRange(model.Papers.Select(p => $"Model: {Cite(p)}"));
        var reported = ctx.Experiment.References.Where(r => r.Model == model.Id).Select(r => r.Paper)
            .Where(r => !ds.Papers.Concat(model.Papers).Any(p => p.Key == r.Key)).DistinctBy(r => r.Key);
        list.AddRange(reported.Select(p => $"Reported numbers: {Cite(p)}"));
        list.Add("Pipeline: ScRepro (this repository), at the commit above.");
        return list;
    }
}
