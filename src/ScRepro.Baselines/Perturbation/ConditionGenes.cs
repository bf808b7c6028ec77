namespace ScRepro.Baselines.Perturbation;

/// <summary>GEARS condition names: genes joined by '+', the control label standing in for "no second gene".</summary>
internal static class ConditionGenes
{
    /// <summary>The perturbed genes of <paramref name="condition"/> ("A+ctrl" → [A], "A+B" → [A, B], "ctrl" → []).</summary>
    public static string[] Of(string condition, string control) =>
        condition.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(g => g != control).Distinct(StringComparer.Ordinal).ToArray();
}
