using System.Globalization;
using System.Text.Json;
using ScRepro.Audit.Model;
using ScRepro.Core.Manifests;
using ScRepro.Pipeline.Reporting;

namespace ScRepro.Audit.Checks;

/// <summary>
/// The recipe diff of B4: each hyperparameter and budget key of the model manifest against what the card's Training
/// and Budget tables or training_stats.json (`details.hyperparameters`, `details.max_epochs`, …) state; the card wins
/// when both state a key. Numbers compare as numbers (1e-4 = 0.0001), null as "none".
/// </summary>
public static class RecipeDiff
{
    /// <summary>Rows in key order: same / differs / only-in-card / only-in-manifest.</summary>
    public static IReadOnlyList<RecipeDifference> Compute(AuditInputs inputs, ModelManifest model)
    {
        var manifest = new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["kind"] = model.Kind };
        foreach (var (k, v) in model.Hyperparameters) manifest[k] = v;
        manifest["budget.epochs"] = model.Budget.Epochs;
        manifest["budget.max_steps"] = model.Budget.MaxSteps;
        manifest["budget.max_wall_clock_s"] = model.Budget.MaxWallClockS;
        manifest["budget.early_stopping_metric"] = model.Budget.EarlyStoppingMetric;
        manifest["budget.patience"] = model.Budget.Patience;

        var claimed = new SortedDictionary<string, (string Text, string Source)>(StringComparer.Ordinal);
        void Claim(string key, string text, string source) => claimed.TryAdd(key, (text, source));
        if (inputs.Card is { } card)
        {
            foreach (var (row, value) in card.Recipe)
            {
                if (row == "model kind") Claim("kind", value.Text, value.Source);
                else if (model.Hyperparameters.ContainsKey(row)) Claim(row, value.Text, value.Source);
            }
            foreach (var (row, value) in card.Budget)
            {
                var key = row.ToLowerInvariant();
                if (key == "early stopping")
                {
                    if (value.Text == "none") Claim("budget.early_stopping_metric", "none", value.Source);
                    else if (value.Text.StartsWith("on ", StringComparison.Ordinal))
                    {
                        var parts = value.Text[3..].Split(", patience ");
                        Claim("budget.early_stopping_metric", parts[0].Trim(), value.Source);
                        if (parts.Length > 1) Claim("budget.patience", parts[1].Trim() == "no limit" ? "none" : parts[1].Trim(), value.Source);
                    }
                }
                else if (key.StartsWith("epochs trained", StringComparison.Ordinal) && value.Text.Split('/') is { Length: 2 } ep)
                {
                    Claim("budget.epochs", ep[1].Trim() == "no limit" ? "none" : ep[1].Trim(), value.Source);
                }
            }
        }
        if (inputs.Stats is { } stats && stats.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object)
        {
            if (details.TryGetProperty("hyperparameters", out var h) && h.ValueKind == JsonValueKind.Object)
                foreach (var p in h.EnumerateObject()) Claim(p.Name, Text(p.Value), $"training_stats.json details.hyperparameters.{p.Name}");
            foreach (var (stat, key) in new[] { ("max_epochs", "budget.epochs"), ("max_steps", "budget.max_steps"), ("early_stopping_metric", "budget.early_stopping_metric"), ("patience", "budget.patience") })
                if (details.TryGetProperty(stat, out var v)) Claim(key, Text(v), $"training_stats.json details.{stat}");
        }

        var rows = new List<RecipeDifference>();
        foreach (var key in manifest.Keys.Union(claimed.Keys).Order(StringComparer.Ordinal))
        {
            var inManifest = manifest.TryGetValue(key, out var m);
            var manifestText = inManifest ? Format.Value(m) : null;
            if (!claimed.TryGetValue(key, out var c))
            {
                rows.Add(new RecipeDifference(key, null, null, manifestText, "only-in-manifest"));
                continue;
            }
            rows.Add(!inManifest
                ? new RecipeDifference(key, c.Text, c.Source, null, "only-in-card")
                : new RecipeDifference(key, c.Text, c.Source, manifestText, Same(c.Text, manifestText!) ? "same" : "differs"));
        }
        return rows;
    }

    /// <summary>Equal as numbers, as booleans, as "none"/null, or as text (case-insensitive).</summary>
    internal static bool Same(string a, string b)
    {
        static string Norm(string s) => s.Trim().Trim('`').ToLowerInvariant() switch { "null" or "none" or "~" => "none", "enabled" => "true", "disabled" => "false", var x => x };
        var (x, y) = (Norm(a), Norm(b));
        if (double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var dx) && double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var dy))
            return dx == dy || Math.Abs(dx - dy) <= 1e-12 * Math.Max(Math.Abs(dx), Math.Abs(dy));
        return x == y;
    }

    private static string Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Null => "none",
        _ => v.GetRawText(),
    };
}
