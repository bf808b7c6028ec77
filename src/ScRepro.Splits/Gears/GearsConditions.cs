using ScRepro.Splits.Text;

namespace ScRepro.Splits.Gears;

/// <summary>
/// GEARS' condition grammar, with its substring tests kept on purpose (gears/utils.py parse_*_pert,
/// data_utils.py): 'ctrl' is the control; a single contains "ctrl" (A+ctrl or ctrl+A); a combo does not.
/// </summary>
public static class GearsConditions
{
    /// <summary>GEARS' hard-coded control label.</summary>
    public const string Control = "ctrl";

    /// <summary><c>'ctrl' in p and p != 'ctrl'</c>.</summary>
    public static bool IsSingle(string p) => p != Control && p.Contains(Control, StringComparison.Ordinal);

    /// <summary><c>'ctrl' not in p</c>.</summary>
    public static bool IsCombo(string p) => !p.Contains(Control, StringComparison.Ordinal);

    /// <summary><c>parse_any_pert</c>: the single's gene, or a combo's first two tokens.</summary>
    public static string[] ParseAnyPert(string p)
    {
        var t = p.Split('+');
        if (IsSingle(p)) return [t[0] == Control ? t[1] : t[0]];
        return [t[0], t[1]];
    }

    /// <summary>How many '+'-tokens (all of them, as GEARS counts) are training genes.</summary>
    public static int SeenCount(string p, HashSet<string> trainGenes) => p.Split('+').Count(trainGenes.Contains);

    /// <summary><c>get_genes_from_perts</c>: sorted unique tokens other than 'ctrl'.</summary>
    public static string[] GenesOf(IEnumerable<string> perts) =>
        perts.SelectMany(p => p.Split('+')).Where(g => g != Control).Distinct(StringComparer.Ordinal)
             .Order(CodePointComparer.Instance).ToArray();

    /// <summary>Why GEARS would crash on <paramref name="p"/> (IndexError in parse_*_pert), or null.</summary>
    public static string? Malformed(string p)
    {
        if (p == Control) return null;
        if (p.Split('+').Length < 2)
            return $"condition '{p}' has fewer than two '+'-separated tokens (GEARS expects 'A+ctrl', 'ctrl+A', 'A+B' or 'ctrl')";
        return null;
    }
}
