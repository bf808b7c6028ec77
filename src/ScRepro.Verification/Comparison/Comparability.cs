namespace ScRepro.Verification.Comparison;

/// <summary>Compares the inputs recorded with a reference with the current ones (asv's "x": a changed benchmark version).</summary>
public static class Comparability
{
    /// <summary>
    /// One issue per input whose identity differs, or that one side does not record, naming it:
    /// "data lock changed (3f2a9c0e1b7d → 9b0e41aa0c77)". Inputs are matched by name; order does not matter.
    /// </summary>
    public static IReadOnlyList<ComparabilityIssue> Compare(IEnumerable<InputIdentity> reference, IEnumerable<InputIdentity> current)
    {
        var refs = ByName(reference, nameof(reference));
        var now = ByName(current, nameof(current));
        var issues = new List<ComparabilityIssue>();
        foreach (var name in refs.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            refs.TryGetValue(name, out var r);
            now.TryGetValue(name, out var c);
            if (r?.Value == c?.Value) continue;
            var kind = c?.Kind ?? r!.Kind;
            var label = InputIdentity.Label(name);
            var reason = (r?.Value, c?.Value) switch
            {
                (null, _) => $"{label} not recorded in the reference (now {Short(c!.Value!)})",
                (_, null) => $"{label} not known now (reference {Short(r!.Value!)})",
                _ => $"{label} changed ({Short(r!.Value!)} → {Short(c!.Value!)})",
            };
            issues.Add(new ComparabilityIssue(name, reason, kind));
        }
        return issues;
    }

    /// <summary>Hashes shortened to 12 hex digits (enough to tell them apart in a sentence); versions kept whole.</summary>
    public static string Short(string value) =>
        value.Length > 16 && value.All(Uri.IsHexDigit) ? value[..12] : value;

    private static Dictionary<string, InputIdentity> ByName(IEnumerable<InputIdentity> inputs, string side)
    {
        var map = new Dictionary<string, InputIdentity>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (!map.TryAdd(input.Name, input)) throw new ArgumentException($"input '{input.Name}' is listed twice", side);
        }
        return map;
    }
}
