using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScRepro.Audit.Cards;
using ScRepro.Audit.Model;
using ScRepro.Core.Hashing;
using ScRepro.Core.Provenance;
using ScRepro.Pipeline.Stages;
using ScRepro.Splits.Files;

namespace ScRepro.Audit.Checks;

/// <summary>Level L1, provenance (§2.5 B1–B7): card, commit, stats, recipe, data, split, base model.</summary>
public static partial class ProvenanceChecks
{
    private const AuditLevel L = AuditLevel.Provenance;

    [GeneratedRegex(@"Dataset lock hash:\s*`([0-9a-f]{64})`")]
    private static partial Regex LockPattern();

    [GeneratedRegex(@"membership hash `([0-9a-f]{64})`")]
    private static partial Regex MembershipPattern();

    [GeneratedRegex(@"dirty: ")]
    private static partial Regex DirtyPattern();

    /// <summary>B1: the front matter parses as the Hub would parse it and has model-index's required keys.</summary>
    public static AuditCheck CardParses(AuditInputs inputs)
    {
        const string title = "card parses";
        if (inputs.Card is not { } card)
            return new AuditCheck("B1", L, title, CheckStatus.Fail, $"no card (README.md, MODEL_CARD.md) in {inputs.Folder}");
        var doc = card.Document;
        var problems = new List<string>();
        if (!doc.HasFrontMatter) problems.Add($"{doc.File}: no YAML front matter, so the Hub shows no licence, tags or model-index metrics for it");
        else if (doc.FrontMatterError is { } error) problems.Add(error);
        else problems.AddRange(ModelIndexProblems(doc));
        if (problems.Count == 0)
            return new AuditCheck("B1", L, title, CheckStatus.Pass, $"{doc.File}: front matter parses (YAML 1.2); {card.Claims.Count} claims read");
        // Our own cards must parse; a third-party card without valid front matter is only what the Hub would refuse.
        return card.MadeByScRepro
            ? new AuditCheck("B1", L, title, CheckStatus.Fail, $"ScRepro-made card: {string.Join("; ", problems)}")
            : new AuditCheck("B1", L, title, CheckStatus.Warn, $"{string.Join("; ", problems)}{(doc.HasFrontMatter ? " (the Hub would refuse this front matter)" : "")}; {card.Claims.Count} claims read from the body");
    }

    private static IEnumerable<string> ModelIndexProblems(CardDocument doc)
    {
        if (doc.FrontMatter is not { } front || !front.TryGetValue("model-index", out var mi)) yield break;
        if (mi is not IList<object?> models) { yield return $"{doc.File}: front matter `model-index` is not a list"; yield break; }
        for (var m = 0; m < models.Count; m++)
        {
            if (Get(models[m], "results") is not IList<object?> results) { yield return $"{doc.File}: `model-index[{m}].results` missing"; continue; }
            for (var r = 0; r < results.Count; r++)
            {
                var at = $"{doc.File}: `model-index[{m}].results[{r}]";
                if (Get(Get(results[r], "task"), "type") is null) yield return at + ".task.type` missing";
                if (Get(Get(results[r], "dataset"), "type") is null) yield return at + ".dataset.type` missing";
                if (Get(Get(results[r], "dataset"), "name") is null) yield return at + ".dataset.name` missing";
                if (Get(results[r], "metrics") is not IList<object?> metrics) { yield return at + ".metrics` missing"; continue; }
                for (var k = 0; k < metrics.Count; k++)
                {
                    if (Get(metrics[k], "type") is null) yield return at + $".metrics[{k}].type` missing";
                    if (Get(metrics[k], "value") is null) yield return at + $".metrics[{k}].value` missing";
                }
            }
        }
    }

    /// <summary>A key of a YAML mapping value, or null (also when the node is not a mapping).</summary>
    private static object? Get(object? node, string key) =>
        node is IDictionary<string, object?> map && map.TryGetValue(key, out var v) ? v : null;

    /// <summary>B2: the card's commit exists in the code repository and holds the paths the card names.</summary>
    public static AuditCheck CommitResolves(AuditInputs inputs)
    {
        const string title = "code commit resolves";
        if (inputs.Card?.Commit is not { } commit) return new AuditCheck("B2", L, title, CheckStatus.Unverifiable, "the card names no source code commit");
        var source = inputs.Card.CommitSource!.Source;
        if (inputs.CodeRepo is not { } repo)
            return new AuditCheck("B2", L, title, CheckStatus.Unverifiable, $"{source}: commit {commit}, but no --code-repo to look it up in (the card names no repository)");
        // A card made from an absolute manifests folder names the manifest by its absolute path: inside the clone it is
        // that path relative to the clone; outside it, it cannot be looked up at a commit and is left out.
        var workdir = Path.GetFullPath(repo).TrimEnd('/') + "/";
        var paths = inputs.Card.NamedPaths.Select(p => p.Text)
            .Select(p => Path.IsPathRooted(p) ? (p.StartsWith(workdir, StringComparison.Ordinal) ? p[workdir.Length..] : null) : p)
            .OfType<string>().Distinct().ToList();
        var found = CommitLookup.Find(repo, commit, paths);
        switch (found.Status)
        {
            case CommitLookupStatus.NotARepository:
                return new AuditCheck("B2", L, title, CheckStatus.Unverifiable, $"--code-repo {repo} is not a git repository");
            case CommitLookupStatus.Missing:
                return new AuditCheck("B2", L, title, CheckStatus.Fail, $"{source}: commit {commit} does not exist in {repo}");
            case CommitLookupStatus.Ambiguous:
                return new AuditCheck("B2", L, title, CheckStatus.Warn, $"{source}: short commit {commit} is ambiguous in {repo}");
        }
        if (found.MissingPaths.Count > 0)
            return new AuditCheck("B2", L, title, CheckStatus.Fail, $"{source}: commit {found.Sha} has no {string.Join(", ", found.MissingPaths)} (named by the card)");
        var dirty = inputs.Card.Document.BodyLines.Any(l => l.Contains("Source code commit", StringComparison.Ordinal) && DirtyPattern().IsMatch(l));
        return dirty
            ? new AuditCheck("B2", L, title, CheckStatus.Warn, $"{source}: commit {found.Sha} exists, but the card was built from a dirty tree")
            : new AuditCheck("B2", L, title, CheckStatus.Pass, $"{commit} → {found.Sha} ({found.Date:yyyy-MM-dd}){(paths.Count > 0 ? $", holds {string.Join(", ", paths)}" : "")}");
    }

    /// <summary>
    /// B3: training_stats.json (the seed card's TrainStats schema) and summary.json agree with the card: the budget
    /// table equals `details`, cells_seen = gradient_steps × batch_size, and every metric the card prints equals
    /// summary.json's to the digits it prints (front matter values to 1e-12).
    /// </summary>
    public static AuditCheck StatsMatchCard(AuditInputs inputs)
    {
        const string title = "training stats and summary agree with the card";
        if (inputs.Stats is not { } stats)
            return new AuditCheck("B3", L, title, inputs.StatsError is null ? CheckStatus.Unverifiable : CheckStatus.Fail,
                inputs.StatsError ?? "no training_stats.json");
        var problems = new List<string>();
        var notes = new List<string>();
        foreach (var key in new[] { "wall_clock_s", "wandb_run_url", "reason", "details" })
            if (!stats.TryGetProperty(key, out _)) problems.Add($"training_stats.json: key '{key}' missing (TrainStats schema)");
        var details = stats.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var card = inputs.Card;
        if (card is not null && details.ValueKind == JsonValueKind.Object)
        {
            foreach (var (row, value) in card.Budget)
            {
                var key = row.ToLowerInvariant();
                if (key.StartsWith("epochs trained", StringComparison.Ordinal))
                {
                    var parts = value.Text.Split('/');
                    Compare(problems, value, row, parts[0], details, "epochs_trained");
                    if (parts.Length > 1) Compare(problems, value, row, parts[1], details, "max_epochs");
                }
                else if (key == "cells seen") Compare(problems, value, row, value.Text, details, "cells_seen");
                else if (key == "gradient steps") Compare(problems, value, row, value.Text.Split('(')[0], details, "gradient_steps");
                else if (key.StartsWith("best val", StringComparison.Ordinal) && key.EndsWith("epoch", StringComparison.Ordinal)) Compare(problems, value, row, value.Text, details, "best_val_epoch");
                else if (key.StartsWith("best val", StringComparison.Ordinal)) Compare(problems, value, row, value.Text, details, "best_val_value");
                else if (key == "stopping reason" && stats.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
                         && !value.Text.Split(" / ").Contains(reason.GetString()))
                    problems.Add($"{value.Source} `{row}` is '{value.Text}' but training_stats.json `reason` is '{reason.GetString()}'");
            }
        }
        if (details.ValueKind == JsonValueKind.Object) Arithmetic(inputs, details, problems, notes);
        problems.AddRange(MetricsAgainstSummary(inputs));
        if (problems.Count > 0) return new AuditCheck("B3", L, title, CheckStatus.Fail, string.Join("; ", problems));
        var warn = notes.FirstOrDefault(n => n.StartsWith("WARN ", StringComparison.Ordinal));
        if (warn is not null) return new AuditCheck("B3", L, title, CheckStatus.Warn, warn[5..]);
        return new AuditCheck("B3", L, title, CheckStatus.Pass,
            $"budget rows equal training_stats.json details{(inputs.Summary is null ? "" : ", card metrics equal summary.json")}{(notes.Count > 0 ? "; " + string.Join("; ", notes) : "")}");
    }

    private static void Compare(List<string> problems, CardValue value, string row, string text, JsonElement details, string key)
    {
        // "n/a (closed-form fit)", "0 (closed-form fit)", "no limit": what ScRepro cards print when there is nothing to count.
        if (value.Text.Contains("closed-form", StringComparison.Ordinal) || value.Text.StartsWith("n/a", StringComparison.Ordinal)) return;
        var claimed = CardClaims.Number(text.Replace("hours", "").Trim());
        if (claimed is null) return;
        if (!details.TryGetProperty(key, out var actual) || actual.ValueKind != JsonValueKind.Number)
        {
            problems.Add($"{value.Source} `{row}` claims {text.Trim()} but training_stats.json has no details.{key}");
            return;
        }
        var a = actual.GetDouble();
        if (Math.Abs(a - claimed.Value) > PrintedResolution(text))
            problems.Add($"{value.Source} `{row}` is {text.Trim()} but training_stats.json details.{key} is {a.ToString("R", CultureInfo.InvariantCulture)}");
    }

    /// <summary>Half a unit of the last printed digit: "0.9879" stands for [0.98785, 0.98795].</summary>
    internal static double PrintedResolution(string text)
    {
        var t = text.Trim().Replace(",", "");
        var dot = t.IndexOf('.');
        if (dot < 0 || t.Contains('e') || t.Contains('E')) return 1e-12;
        var decimals = t[(dot + 1)..].TakeWhile(char.IsDigit).Count();
        return 0.5 * Math.Pow(10, -decimals) + 1e-12;
    }

    private static void Arithmetic(AuditInputs inputs, JsonElement details, List<string> problems, List<string> notes)
    {
        if (!TryLong(details, "cells_seen", out var cells) || !TryLong(details, "gradient_steps", out var steps) || steps == 0) return;
        long? batch = TryLong(details, "batch_size", out var b) ? b
            : details.TryGetProperty("hyperparameters", out var h) && TryLong(h, "batch_size", out var hb) ? hb
            : inputs.Model?.Hyperparameters.GetValueOrDefault("batch_size") as long?;
        if (batch is { } size)
        {
            // A last, partial batch per epoch makes cells_seen smaller than steps × batch, never larger.
            if (cells > steps * size) problems.Add($"training_stats.json: cells_seen {cells} > gradient_steps {steps} × batch_size {size}");
            else notes.Add(cells == steps * size ? $"cells_seen = {steps} × {size}" : $"cells_seen {cells} ≤ {steps} × {size} (partial batches)");
        }
        else
        {
            notes.Add(cells % steps == 0
                ? $"WARN batch size stated nowhere; inferred {cells / steps} from cells_seen / gradient_steps"
                : "WARN batch size stated nowhere, and cells_seen is not a multiple of gradient_steps");
        }
    }

    private static bool TryLong(JsonElement e, string key, out long value)
    {
        value = 0;
        return e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out value);
    }

    /// <summary>Every metric statistic the card prints, against summary.json (none when either is missing).</summary>
    private static IEnumerable<string> MetricsAgainstSummary(AuditInputs inputs)
    {
        if (inputs.Card is not { } card || SummaryMetrics.Read(inputs) is not { } summary) yield break;
        foreach (var m in card.Metrics)
        {
            if (!summary.TryGetValue(m.Name, out var stats)) continue;
            var statistic = m.Statistic == "model-index" ? "mean" : m.Statistic;
            var actual = statistic switch { "mean" => stats.Mean, "median" => stats.Median, _ => stats.Max };
            if (m.Value is not { } claimed)
            {
                continue; // "null (all values NaN)" and words are not numbers to compare
            }
            if (actual is null || (double.IsNaN(claimed) != double.IsNaN(actual.Value)))
            {
                yield return $"{m.Source}: {m.Name} {statistic} is {m.Text} but summary.json has {Show(actual)}";
                continue;
            }
            if (double.IsNaN(claimed)) continue;
            var allowed = m.Statistic == "model-index" ? 1e-12 * Math.Max(1, Math.Abs(actual.Value)) : PrintedResolution(m.Text);
            if (Math.Abs(claimed - actual.Value) > allowed)
                yield return $"{m.Source}: {m.Name} {statistic} is {m.Text} but summary.json has {Show(actual)}";
        }
    }

    private static string Show(double? v) => v is null ? "null" : v.Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>B4: the recipe the card and stats state, key by key against the model manifest's hyperparameters and budget.</summary>
    public static (AuditCheck Check, IReadOnlyList<RecipeDifference> Rows) RecipeMatches(AuditInputs inputs)
    {
        const string title = "recipe matches the model manifest";
        if (inputs.Model is not { } model)
            return (new AuditCheck("B4", L, title, CheckStatus.Unverifiable, inputs.ModelError ?? "no --model to compare the recipe with"), []);
        var rows = RecipeDiff.Compute(inputs, model);
        var differs = rows.Where(r => r.State == "differs").ToList();
        var compared = rows.Count(r => r.State is "same" or "differs");
        if (differs.Count > 0)
            return (new AuditCheck("B4", L, title, CheckStatus.Warn,
                $"{differs.Count} of {compared} compared values differ from {model.Origin.File}: " +
                string.Join(", ", differs.Select(r => $"{r.Key} {r.Claimed} ({r.ClaimedSource}) vs {r.Manifest}"))), rows);
        if (compared == 0)
            return (new AuditCheck("B4", L, title, CheckStatus.Unverifiable, "neither the card nor training_stats.json states a recipe value the manifest has"), rows);
        return (new AuditCheck("B4", L, title, CheckStatus.Pass, $"{compared} recipe values equal {model.Origin.File}"), rows);
    }

    /// <summary>B5: the card's dataset lock hash against the experiment's data lock.</summary>
    public static AuditCheck DataIdentity(AuditInputs inputs)
    {
        const string title = "data identity";
        if (inputs.Catalog is not { } catalog)
            return new AuditCheck("B5", L, title, CheckStatus.Unverifiable, inputs.CatalogError ?? "no --experiment: no data lock to compare with");
        var lockPath = Path.Combine(inputs.ProjectRoot, "data", "locks", catalog.Dataset.Id, "lock.json");
        if (!File.Exists(lockPath))
            return new AuditCheck("B5", L, title, CheckStatus.Unverifiable, $"no data lock {Path.GetRelativePath(inputs.ProjectRoot, lockPath)} (run ./build.sh --target=Hash --experiment={catalog.Experiment.Id})");
        var ours = LockFile.Read(lockPath).LockSha256;
        var body = inputs.Card is null ? "" : string.Join("\n", inputs.Card.Document.BodyLines);
        var claimed = inputs.Card?.Screpro.GetValueOrDefault("data_lock_sha256") ?? (LockPattern().Match(body) is { Success: true } m ? m.Groups[1].Value : null);
        if (claimed is null)
            return new AuditCheck("B5", L, title, CheckStatus.Warn, $"structurally consistent; the card pins no data lock hash to compare with {ours}");
        return claimed == ours
            ? new AuditCheck("B5", L, title, CheckStatus.Pass, $"data lock {ours} ({catalog.Dataset.Id})")
            : new AuditCheck("B5", L, title, CheckStatus.Fail, $"{inputs.Card!.Document.File}: data lock {claimed} ≠ {catalog.Dataset.Id}'s lock {ours}");
    }

    /// <summary>B6: split.json's membership hash, recomputed, against its own claim, the card's and the experiment's split.</summary>
    public static AuditCheck SplitIdentity(AuditInputs inputs)
    {
        const string title = "split identity";
        if (inputs.File("split.json") is null) return new AuditCheck("B6", L, title, CheckStatus.Unverifiable, "no split.json in the folder");
        SplitFile split;
        try
        {
            split = SplitFiles.Read(inputs.FullPath("split.json"));
        }
        catch (Core.Errors.ScReproException e)
        {
            return new AuditCheck("B6", L, title, CheckStatus.Fail, e.Message);
        }
        var recomputed = MembershipHash.Compute(split.Train, split.Val, split.Test);
        var counts = $"{split.Train.Count}/{split.Val.Count}/{split.Test.Count}";
        if (recomputed != split.MembershipHash)
            return new AuditCheck("B6", L, title, CheckStatus.Fail, $"split.json: membership_hash {split.MembershipHash} ≠ recomputed {recomputed}");
        var body = inputs.Card is null ? "" : string.Join("\n", inputs.Card.Document.BodyLines);
        var claimed = inputs.Card?.Screpro.GetValueOrDefault("split_membership_hash") ?? (MembershipPattern().Match(body) is { Success: true } m ? m.Groups[1].Value : null);
        if (claimed is not null && claimed != recomputed)
            return new AuditCheck("B6", L, title, CheckStatus.Fail, $"{inputs.Card!.Document.File}: split membership hash {claimed} ≠ split.json's {recomputed}");
        if (inputs.Catalog is { } catalog)
        {
            var exp = catalog.Experiment;
            if (exp.Split.Policy != split.Policy || exp.Split.Seed != split.Seed)
                return new AuditCheck("B6", L, title, CheckStatus.Warn, $"split.json is {split.Policy} seed {split.Seed}; {exp.Origin.File} asks for {exp.Split.Policy} seed {exp.Split.Seed}");
        }
        return new AuditCheck("B6", L, title, CheckStatus.Pass, $"membership hash {recomputed} ({counts} train/val/test){(claimed is null ? "" : ", as the card states")}");
    }

    /// <summary>B7: the base model the card names, when it can be pinned.</summary>
    public static AuditCheck BaseModel(AuditInputs inputs)
    {
        const string title = "base model";
        if (inputs.Card is not { } card) return new AuditCheck("B7", L, title, CheckStatus.Unverifiable, "no card");
        if (card.BaseModel is { } hubId)
            return new AuditCheck("B7", L, title, CheckStatus.Unverifiable, $"base_model {hubId}: resolving a base model on the Hub is not done by this audit");
        var body = string.Join("\n", card.Document.BodyLines);
        if (body.Contains("trained from scratch", StringComparison.OrdinalIgnoreCase))
            return new AuditCheck("B7", L, title, CheckStatus.Skipped, "trained from scratch: no base model");
        if (body.Contains("Google Drive", StringComparison.OrdinalIgnoreCase))
            return new AuditCheck("B7", L, title, CheckStatus.Unverifiable, "base weights from a Google Drive folder, with no hash");
        return new AuditCheck("B7", L, title, CheckStatus.Unverifiable, "the card pins no base model hash (no base-model manifest to compare with)");
    }
}
