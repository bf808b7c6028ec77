namespace ScRepro.Audit.Cards;

/// <summary>A markdown table of a card: the heading it sits under, its header cells and its rows (cells trimmed, 1-based line numbers).</summary>
public sealed record CardTable(string Heading, IReadOnlyList<string> Header, IReadOnlyList<CardTableRow> Rows);

/// <summary>One table row: its cells and the line it is on.</summary>
public sealed record CardTableRow(IReadOnlyList<string> Cells, int Line);
