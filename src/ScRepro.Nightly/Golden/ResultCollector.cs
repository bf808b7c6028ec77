using ScRepro.Contracts;
using System.Globalization;
using System.Text.Json;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;
using ScRepro.Pipeline;
using ScRepro.Pipeline.Stages;

namespace ScRepro.Nightly.Golden;

/// <summary>
/// Reads what a run produced for each model (summary.json and training_stats.json per seed, the data lock, the
/// split) into <see cref="ModelResult"/>s. Reads the JSON as files, not through the stage records: the file format
/// is the contract a golden file outlives.
/// </summary>
public static class ResultCollector
{
    /// <summary>
    /// The result of <paramref name="model"/>, or a failure when a seed has no summary made at or after
    /// <paramref name="notBeforeUtc"/> (an older summary in the run folder is another run's, not this one's).
    /// </summary>
    public static (ModelResult? Result, string? Failure) Collect(RunContext ctx, ModelManifest model, string tolerancesSha256, string? notBeforeUtc)
    {
        var seeds = new SortedDictionary<string, SeedResult>(StringComparer.Ordinal);
        RunIdentity? run = null;
        string? libtorch = null;
        var split = SplitFileView.Read(ctx);
        foreach (var seed in ctx.Experiment.Seeds)
        {
            var summaryPath = Path.Combine(EvaluateStage.UnitDir(ctx, model.Id, seed), "summary.json");
            if (!File.Exists(summaryPath)) return (null, $"seed {seed}: no summary.json (Train or Evaluate did not finish)");
            using var summary = Parse(summaryPath);
            var provenance = summary.RootElement.GetProperty("provenance");
            var utc = provenance.GetProperty("utc_time").GetString()!;
            if (notBeforeUtc is not null && string.CompareOrdinal(utc, notBeforeUtc) < 0)
                return (null, $"seed {seed}: summary.json is from {utc}, before this run started ({notBeforeUtc}): Train or Evaluate did not run");
            var metrics = new SortedDictionary<string, MetricRecord>(StringComparer.Ordinal);
            foreach (var m in summary.RootElement.GetProperty("metrics").EnumerateArray())
            {
                metrics[m.GetProperty("name").GetString()!] = new MetricRecord(Number(m, "mean"), Number(m, "median"), Number(m, "max"),
                    m.GetProperty("count").GetInt64(), m.GetProperty("null_count").GetInt64());
            }
            var training = ReadTraining(Path.Combine(TrainStage.UnitDir(ctx, model.Id, seed), "training_stats.json"), ref libtorch);
            // Annotation metrics are fractions over the test cells; a perturbation metric's n is its own count.
            long? items = ctx.Experiment.Task == ModelTask.Annotation ? split.Test.Count : null;
            seeds[seed.ToString(CultureInfo.InvariantCulture)] = new SeedResult(metrics, training, items);
            run ??= new RunIdentity(provenance.GetProperty("commit").GetString()!, provenance.GetProperty("dirty").GetBoolean(), utc,
                new EnvironmentInfo(Text(provenance, "screpro_version"), Text(provenance, "dotnet_version"), null,
                    Text(provenance, "os"), Text(provenance, "cpu_model"), provenance.GetProperty("threads").GetInt32()));
        }
        run = run! with { Environment = run.Environment with { Libtorch = libtorch } };
        var inputs = new ResultInputs(
            HashStage.ReadLock(ctx).LockSha256,
            split.MembershipHash,
            ExperimentDefinitionSha256(ctx.Experiment),
            model.Kind,
            Evaluator(ctx.Experiment.Task.Name()),
            Recipe(model),
            model.Origin.Sha256,
            tolerancesSha256);
        return (new ModelResult(ModelResult.SchemaId, ctx.Experiment.Id, model.Id, ctx.Experiment.Task.Name(), run, inputs, seeds), null);
    }

    /// <summary>
    /// sha256 of the canonical JSON of what defines an experiment's numbers (task, dataset, file, columns, split):
    /// not its model list, seeds, headline metrics or references, so adding a model leaves the others comparable.
    /// </summary>
    public static string ExperimentDefinitionSha256(ExperimentManifest e) => YamlValues.CanonicalHash(new SortedDictionary<string, object?>(StringComparer.Ordinal)
    {
        ["task"] = e.Task.Name(),
        ["dataset"] = e.Dataset,
        ["file"] = e.File,
        ["columns"] = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["perturbation"] = e.Columns.Perturbation, ["control"] = e.Columns.Control, ["label"] = e.Columns.Label, ["batch"] = e.Columns.Batch,
        },
        ["split"] = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["policy"] = e.Split.Policy, ["seed"] = e.Split.Seed, ["parameters"] = e.Split.Parameters,
        },
    });

    /// <summary>
    /// The evaluator's identity: the task and the ScRepro.Evaluation assembly version (bumped when a metric's
    /// definition changes). Not the commit: then every commit would make every number incomparable, and a regression
    /// in the evaluator would hide as "not comparable" instead of showing as a break.
    /// </summary>
    public static string Evaluator(string task) =>
        $"screpro-eval/{task}/{typeof(global::ScRepro.Evaluation.Perturbation.PerturbationEvaluator).Assembly.GetName().Version}";

    /// <summary>Hyperparameters and budget as dotted keys with canonical-JSON values ("hyperparameters.lr" → "0.001").</summary>
    public static IReadOnlyDictionary<string, string> Recipe(ModelManifest model)
    {
        var recipe = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Flatten("hyperparameters", model.Hyperparameters, recipe);
        var b = model.Budget;
        recipe["budget.epochs"] = YamlValues.CanonicalJson(b.Epochs);
        recipe["budget.max_steps"] = YamlValues.CanonicalJson(b.MaxSteps);
        recipe["budget.max_wall_clock_s"] = YamlValues.CanonicalJson(b.MaxWallClockS);
        recipe["budget.early_stopping_metric"] = YamlValues.CanonicalJson(b.EarlyStoppingMetric);
        recipe["budget.patience"] = YamlValues.CanonicalJson(b.Patience);
        return recipe;
    }

    private static void Flatten(string prefix, object? value, SortedDictionary<string, string> into)
    {
        if (value is IReadOnlyDictionary<string, object?> map && map.Count > 0)
        {
            foreach (var (k, v) in map) Flatten($"{prefix}.{k}", v, into);
            return;
        }
        into[prefix] = YamlValues.CanonicalJson(value is IReadOnlyDictionary<string, object?> ? new SortedDictionary<string, object?>() : value);
    }

    private static TrainingRecord? ReadTraining(string path, ref string? libtorch)
    {
        if (!File.Exists(path)) return null;
        using var doc = Parse(path);
        var root = doc.RootElement;
        if (root.TryGetProperty("provenance", out var p) && p.TryGetProperty("libtorch_version", out var lt) && lt.ValueKind == JsonValueKind.String)
            libtorch = lt.GetString();
        var details = root.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        long? Long(string key) => details.ValueKind == JsonValueKind.Object && details.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
        string? Str(string key) => details.ValueKind == JsonValueKind.Object && details.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new TrainingRecord(root.GetProperty("reason").GetString()!, Str("budget_limit"), Long("epochs_trained"), Long("max_epochs"),
            root.GetProperty("wall_clock_s").GetDouble());
    }

    private static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ScReproException($"{path}: malformed JSON: {e.Message}");
        }
    }

    private static string Text(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v.GetString() ?? "" : "";

    /// <summary>A JSON number, null, or the named literals ScRepro's JSON style writes for NaN and infinities.</summary>
    private static double? Number(JsonElement parent, string key)
    {
        if (!parent.TryGetProperty(key, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String => v.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var s => throw new ScReproException($"summary.json: key '{key}': unexpected string '{s}'"),
            },
            _ => null,
        };
    }
}
