using System.Globalization;
using ScRepro.Cards;
using ScRepro.Foundation.IO;
using ScRepro.Core.Manifests;
using ScRepro.Contracts;
using ScRepro.Evaluation.Annotation;
using ScRepro.Cards.Figures;
using ScRepro.Papers;
using ScRepro.Pipeline.Figures;
using ScRepro.Pipeline.Stamps;
using ScRepro.Pipeline.Training;

namespace ScRepro.Pipeline.Stages;

/// <summary>
/// Card: reports/&lt;commit&gt;[-dirty]/&lt;exp&gt;/&lt;model&gt;/MODEL_CARD.md (+ card.json, the same facts as data) per model,
/// and reports/…/&lt;exp&gt;/comparison/COMPARISON.md with every model side by side. Stamped with the content of every
/// file in the model's train and eval folders (the checkpoint and the metrics the card reports), the split file and
/// the data lock, the model manifest, the experiment manifest (references) and the templates. Figures (PNG) are
/// written beside each page, linked from it, hashed in its Files table and recorded as outputs in the stamp; the
/// comparison page consumes every file of every evaluation it draws from.
/// </summary>
public sealed class CardStage : IStage
{
    public string Name => "card";

    public IReadOnlyList<WorkUnit> Plan(RunContext ctx)
    {
        var renderer = new CardRenderer(ctx.TemplateDir);
        var templates = renderer.TemplatesHash();
        var exp = ctx.Experiment;
        var units = new List<WorkUnit>();
        var shared = new Dictionary<string, string>
        {
            ["split.json"] = SplitFileView.PathFor(ctx),
            ["lock.json"] = HashStage.LockPath(ctx),
        };
        var comparisonConsumes = new Dictionary<string, string>(shared);
        var papers = PaperLock.ForCatalog(ctx.Catalog);
        foreach (var model in ctx.Catalog.Models)
        {
            var inputs = new Dictionary<string, string>
            {
                ["templates"] = templates,
                ["model_manifest"] = model.Origin.Sha256,
                ["experiment_manifest"] = exp.Origin.Sha256,
            };
            // The pinned entries the card cites: re-pinning a paper re-renders exactly the cards that cite it.
            var cited = CardBuilder.CitedPapers(exp, ctx.Dataset, model).ToList();
            if (cited.Count > 0) inputs["papers"] = papers.HashOf(cited);
            // A card reports the checkpoint and metrics beside it: every file of its train and eval units is keyed.
            var consumes = new Dictionary<string, string>(shared);
            foreach (var seed in exp.Seeds)
            {
                var evalDir = EvaluateStage.UnitDir(ctx, model.Id, seed);
                if (StampStore.Read(evalDir) is null) throw new UpstreamMissingException($"{model.Id}/seed{seed} is not evaluated");
                foreach (var (name, path) in UnitFiles($"train/seed{seed}", TrainStage.UnitDir(ctx, model.Id, seed))
                             .Concat(UnitFiles($"eval/seed{seed}", evalDir)))
                    consumes[name] = path;
                foreach (var (name, path) in UnitFiles($"{model.Id}/eval/seed{seed}", evalDir))
                    comparisonConsumes[name] = path;
            }
            var m = model;
            var curves = ModelFigures.Curves(ctx, model.Id, exp.Seeds);
            units.Add(new WorkUnit(Name, model.Id, Path.Combine(ctx.ReportDir, model.Id), inputs,
                [CardFolder.Card, CardFolder.CardJson, .. ModelFigures.Names(curves)],
                tmp => RenderCard(ctx, renderer, m, curves, tmp), Path.Combine(ctx.Root, "reports", ctx.Code.RunName), Consumes: consumes));
        }
        var comparisonInputs = new Dictionary<string, string>
        {
            ["templates"] = templates,
            ["experiment_manifest"] = exp.Origin.Sha256,
            ["models"] = string.Join(",", ctx.Catalog.Models.Select(m => m.Id)),
        };
        units.Add(new WorkUnit(Name, "comparison", Path.Combine(ctx.ReportDir, "comparison"), comparisonInputs,
            [CardFolder.Comparison, .. ComparisonFigures.Names(ctx)],
            tmp => RenderComparison(ctx, renderer, tmp), Path.Combine(ctx.Root, "reports", ctx.Code.RunName), Consumes: comparisonConsumes));
        return units;
    }

    // Every file of a unit folder but its stamp, keyed "<prefix>/<relative path>".
    private static IEnumerable<KeyValuePair<string, string>> UnitFiles(string prefix, string dir) =>
        !Directory.Exists(dir)
            ? []
            : Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) != StampStore.FileName)
                .Order(StringComparer.Ordinal)
                .Select(f => KeyValuePair.Create($"{prefix}/{Path.GetRelativePath(dir, f).Replace('\\', '/')}", f));

    private static void RenderCard(RunContext ctx, CardRenderer renderer, ModelManifest model, IReadOnlyList<EpochCurve> curves, string dir)
    {
        var runs = ctx.Experiment.Seeds.Select(seed =>
        {
            var trainDir = TrainStage.UnitDir(ctx, model.Id, seed);
            var stats = Json.Deserialize<TrainStats>(File.ReadAllText(Path.Combine(trainDir, "training_stats.json")));
            return new CardBuilder.SeedRun(seed, stats, EvaluateStage.ReadSummary(ctx, model.Id, seed), trainDir);
        }).ToList();
        var run = new CardRun(ctx.Experiment, ctx.Dataset, ctx.Code.Commit, ctx.Code.ShortCommit, ctx.Code.RunName) { Papers = PaperLock.ForCatalog(ctx.Catalog) };
        var card = CardBuilder.Build(run, model, runs, HashStage.ReadLock(ctx), SplitFileView.Read(ctx));
        var figures = ModelFigures.Write(curves, dir);
        card = card with { Figures = figures, Files = [.. card.Files, .. CardFolder.Rows(dir, figures)] };
        AtomicFile.WriteAllText(Path.Combine(dir, CardFolder.Card), renderer.RenderModelCard(card));
        Json.WriteFile(Path.Combine(dir, CardFolder.CardJson), card);
    }

    private static void RenderComparison(RunContext ctx, CardRenderer renderer, string dir)
    {
        var exp = ctx.Experiment;
        var models = ctx.Catalog.Models;
        var summaries = models.Select(m => (IReadOnlyList<EvalSummary>)exp.Seeds.Select(s => EvaluateStage.ReadSummary(ctx, m.Id, s)).ToList()).ToList();
        var metrics = exp.Metrics.Count > 0 ? exp.Metrics : summaries[0][0].Metrics.Select(x => x.Name).ToList();
        // One seed: the spread over test perturbations (cell-eval's results.csv) stands in for the spread over seeds.
        var perItem = exp.Seeds.Count == 1 && exp.Task == ModelTask.Perturbation
            ? models.Select(m => PerItemResults.Read(Path.Combine(EvaluateStage.UnitDir(ctx, m.Id, exp.Seeds[0]), "results.csv"), metrics)).ToList()
            : null;
        var rows = ComparisonBuilder.Rows(models.Select(m => m.Id).ToList(), metrics, summaries, perItem);
        var split = SplitFileView.Read(ctx);
        var notes = new List<string>
        {
            $"Split: {exp.Split.Policy}, seed {exp.Split.Seed} ({split.Counts}); training seeds {string.Join(", ", exp.Seeds)}.",
            $"Data lock {HashStage.ReadLock(ctx).LockSha256}.",
        };
        if (ctx.Dataset.Generator is not null) notes.Add("The data is SIMULATED by ScRepro's embedded demo generator.");
        // An annotation evaluation's per_class.csv, per model, per seed: read once for the table and the figures.
        var perClassPaths = exp.Task == ModelTask.Annotation
            ? models.Select(m => (IReadOnlyList<string>)exp.Seeds.Select(s => Path.Combine(EvaluateStage.UnitDir(ctx, m.Id, s), "per_class.csv")).ToList()).ToList()
            : null;
        var perClass = perClassPaths?.Select(seeds => (IReadOnlyList<IReadOnlyList<ClassMetrics>>)seeds.Select(PerClassResults.Read).ToList()).ToList();
        var figures = ComparisonFigures.Write(ctx, metrics, perClass, dir);
        var page = new ComparisonPage($"{exp.Title}: model comparison", exp.Id, ctx.Code.Commit,
            ctx.Code.Dirty ? "dirty tree" : "clean tree", $"{ctx.Dataset.Title} (`{ctx.Dataset.Id}`)", split.MembershipHash,
            models.Select(m => m.Id).ToList(), rows, notes, figures, CardFolder.ComparisonRows(dir, figures))
        { PerClass = perClass is null ? [] : RareClasses.Rows(models.Select(m => m.Id).ToList(), perClass, perClassPaths!) };
        AtomicFile.WriteAllText(Path.Combine(dir, CardFolder.Comparison), renderer.Render("comparison.md.scriban", page));
    }
}
