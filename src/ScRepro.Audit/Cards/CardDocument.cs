namespace ScRepro.Audit.Cards;

/// <summary>
/// A model card split as the Hub splits it (huggingface_hub repocard.py REGEX_YAML_BLOCK): the front matter parsed as
/// YAML 1.2 into plain values (null when absent or invalid, with <see cref="FrontMatterError"/> saying why), the body
/// lines, and the body's markdown tables.
/// </summary>
public sealed record CardDocument(
    string File,
    bool HasFrontMatter,
    IReadOnlyDictionary<string, object?>? FrontMatter,
    string? FrontMatterError,
    int BodyFirstLine,
    IReadOnlyList<string> BodyLines,
    IReadOnlyList<CardTable> Tables);
