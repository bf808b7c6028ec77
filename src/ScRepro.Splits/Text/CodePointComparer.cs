namespace ScRepro.Splits.Text;

/// <summary>
/// Orders strings by Unicode code point: numpy's '&lt;U' order (np.unique, np.setdiff1d, np.sort), Python's str
/// order, and the byte order of their UTF-8 encodings (LC_ALL=C sort). <see cref="StringComparer.Ordinal"/> compares
/// UTF-16 code units, which disagrees for characters above U+FFFF against U+E000–U+FFFF; this does not.
/// </summary>
public sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    private CodePointComparer() { }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var n = Math.Min(x.Length, y.Length);
        for (var i = 0; i < n; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b) return Fix(a) - Fix(b);
        }
        return x.Length.CompareTo(y.Length);
    }

    // Surrogates stand for code points ≥ U+10000, so they must sort after every BMP unit.
    private static int Fix(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
