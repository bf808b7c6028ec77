using ScRepro.Core.Hashing;

namespace ScRepro.Cards;

/// <summary>
/// The Files-table rows for what the card's own folder holds, so the table names every file there: figures with
/// their sha256, and the three files that cannot carry their own hash (this card, its JSON twin, the stage stamp).
/// </summary>
public static class CardFolder
{
    public const string Card = "MODEL_CARD.md";
    public const string CardJson = "card.json";
    public const string Stamp = ".stamp.json";

    /// <summary>Rows for <paramref name="hashed"/> (files already written in <paramref name="dir"/>), then the unhashable three.</summary>
    public static IReadOnlyList<FileRow> Rows(string dir, IEnumerable<(string Name, string Description)> hashed) =>
    [
        .. hashed.Select(f => new FileRow(f.Name, FileHasher.Sha256(Path.Combine(dir, f.Name)), $"in this folder: {f.Description}")),
        new FileRow(Card, null, "in this folder: this card (a file cannot hold its own hash)"),
        new FileRow(CardJson, null, "in this folder: the same facts as data, written with this card"),
        new FileRow(Stamp, null, "in this folder: the card stage's stamp (the hashes this card was made from), written after it"),
    ];
}
