using System.Text.RegularExpressions;
using ScRepro.Core.Errors;

namespace ScRepro.Audit;

/// <summary>Manifest ids from the command line or a card: a plain name, never a path (a card is untrusted input).</summary>
public static partial class ManifestIds
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex IdPattern();

    /// <summary>Returns <paramref name="id"/> or throws (exit 2) naming where it came from.</summary>
    public static string Check(string id, string source)
    {
        if (!IdPattern().IsMatch(id) || id.Contains(".."))
            throw new ScReproException($"{source}: '{id}' is not a manifest id (letters, digits, '_', '-', '.'; no path)");
        return id;
    }
}
