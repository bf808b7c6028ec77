using ScRepro.Cards.Figures;
using ScRepro.Core.Hashing;

namespace ScRepro.Cards;

/// <summary>
/// The Files-table rows for what a card's (or the comparison page's) own folder holds, so the table names every file
/// there: figures with their sha256, and the files that cannot carry their own hash (the page itself, card.json, the
/// stage stamp).
/// </summary>
public static class CardFolder
{
    public const string Card = "MODEL_CARD.md";
    public const string CardJson = "card.json";
    public const string Comparison = "COMPARISON.md";
    public const string Stamp = ".stamp.json";

    /// <summary>Rows for <paramref name="figures"/> (already written in <paramref name="dir"/>), then the unhashable three.</summary>
    public static IReadOnlyList<FileRow> Rows(string dir, IEnumerable<FigureLink> figures) =>
    [
        .. FigureRows(dir, figures),
        new FileRow(Card, null, "in this folder: this card (a file cannot hold its own hash)"),
        new FileRow(CardJson, null, "in this folder: the same facts as data, written with this card"),
        new FileRow(Stamp, null, "in this folder: the card stage's stamp (the hashes this card was made from), written after it"),
    ];

    /// <summary>The comparison page's folder: its figures, then the page and the stamp.</summary>
    public static IReadOnlyList<FileRow> ComparisonRows(string dir, IEnumerable<FigureLink> figures) =>
    [
        .. FigureRows(dir, figures),
        new FileRow(Comparison, null, "in this folder: this page (a file cannot hold its own hash)"),
        new FileRow(Stamp, null, "in this folder: the card stage's stamp (the hashes this page was made from), written after it"),
    ];

    /// <summary>Figures written in <paramref name="dir"/>, each with its sha256.</summary>
    public static IEnumerable<FileRow> FigureRows(string dir, IEnumerable<FigureLink> figures) =>
        figures.Select(f => new FileRow(f.Name, FileHasher.Sha256(Path.Combine(dir, f.Name)), $"in this folder: figure: {f.Alt}"));
}
