namespace ScRepro.Papers;

/// <summary>How cards write a pinned paper: short in tables, in full in the Citation section; always from the lock.</summary>
public static class PaperCitation
{
    public static string Link(LockedPaper p) => $"https://doi.org/{p.Doi}";

    /// <summary>"Boiarsky et al. 2023, bioRxiv v1": first author(s), year, venue, and the version for a preprint.</summary>
    public static string Short(LockedPaper p)
    {
        var lead = p.Authors.Count switch
        {
            0 => p.Title,
            1 => p.Authors[0].Family,
            2 => $"{p.Authors[0].Family} & {p.Authors[1].Family}",
            _ => $"{p.Authors[0].Family} et al.",
        };
        var year = p.Year is { } y ? $" {y}" : "";
        var venue = Venue(p) is { } v ? $", {v}" : "";
        return lead + year + venue;
    }

    /// <summary>A markdown link to the DOI with the short form as its text (pipes escaped for table cells).</summary>
    public static string MarkdownLink(LockedPaper p) => $"[{Escape(Short(p))}]({Link(p)})";

    /// <summary>"Boiarsky, R., Singh, N. et al. Title. bioRxiv v1 (2023). https://doi.org/…".</summary>
    public static string Full(LockedPaper p)
    {
        var names = p.Authors.Take(3).Select(a => a.Given is null ? a.Family : $"{a.Family}, {a.Given}").ToList();
        // "Yang, F." ends in a full stop already: never write "Yang, F.. Title".
        var authors = names.Count == 0 ? "" : string.Join(", ", names).TrimEnd('.') + (p.Authors.Count > 3 ? " et al. " : ". ");
        var where = string.Join(" ", new[] { Venue(p), p.Volume, }.Where(x => x is not null));
        if (p.Pages is not null) where += $", {p.Pages}";
        var year = p.Year is { } y ? $" ({y})" : "";
        return Escape($"{authors}{p.Title.TrimEnd('.')}. {where}{year}.") + $" {Link(p)}";
    }

    private static string? Venue(LockedPaper p) => p.Version is { } v ? $"{p.Venue ?? p.Server} v{v}" : p.Venue;

    // Titles and names are data: a '|' would end a table cell and a newline the list item.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
