using System.Text.RegularExpressions;
using ScRepro.Core.Errors;
using ScRepro.Core.Manifests;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScRepro.Audit.Cards;

/// <summary>Splits a README.md / MODEL_CARD.md into front matter and body, as the Hub does, and reads the body's tables.</summary>
public static partial class CardParser
{
    /// <summary>Cards are text of a few kilobytes; a larger "card" is refused before it is parsed (bounded memory).</summary>
    public const long MaxCardBytes = 4 << 20;

    // huggingface_hub repocard.py REGEX_YAML_BLOCK, verbatim.
    [GeneratedRegex(@"^(\s*---(?:\r\n|\r|\n))([\S\s]*?)((?:\r\n|\r|\n)---[ \t]*(\r\n|\n|$))")]
    private static partial Regex YamlBlock();

    /// <summary>Reads and splits <paramref name="path"/>; a front-matter problem is recorded, not thrown (B1 reports it).</summary>
    public static CardDocument Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new ScReproException($"card {path} does not exist");
        if (info.Length > MaxCardBytes) throw new ScReproException($"card {path}: {info.Length} bytes is not a model card (limit {MaxCardBytes})");
        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    /// <summary>Splits card text; <paramref name="file"/> names it in claims and errors.</summary>
    public static CardDocument Parse(string text, string file)
    {
        var match = YamlBlock().Match(text);
        IReadOnlyDictionary<string, object?>? front = null;
        string? error = null;
        var bodyStart = 0;
        if (match.Success)
        {
            bodyStart = match.Length;
            var yamlFirstLine = match.Groups[1].Value.Count(c => c == '\n') + 1;
            try
            {
                front = ParseYaml(match.Groups[2].Value, file, yamlFirstLine);
            }
            catch (FrontMatterException e)
            {
                error = e.Message;
            }
        }
        var firstBodyLine = text[..bodyStart].Count(c => c == '\n') + 1;
        var body = text[bodyStart..].Replace("\r\n", "\n").Split('\n');
        return new CardDocument(file, match.Success, front, match.Success ? error : "no front matter (--- block) at the top of the card",
            firstBodyLine, body, Tables(body, firstBodyLine));
    }

    private static IReadOnlyDictionary<string, object?> ParseYaml(string yaml, string file, int firstLine)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FrontMatterException($"{file}:{firstLine + e.Start.Line - 1}: front matter is not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0) return new Dictionary<string, object?>();
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new FrontMatterException($"{file}:{firstLine}: front matter is not a mapping");
        try
        {
            return (IReadOnlyDictionary<string, object?>)YamlValues.ToValue(root, file, "")!;
        }
        catch (ScReproException e)
        {
            throw new FrontMatterException(e.Message);
        }
    }

    private static List<CardTable> Tables(IReadOnlyList<string> lines, int firstLine)
    {
        var tables = new List<CardTable>();
        var heading = "";
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('#')) { heading = line.TrimStart('#').Trim(); continue; }
            if (!line.StartsWith('|') || i + 1 >= lines.Count || !IsSeparator(lines[i + 1])) continue;
            var header = Cells(line);
            var rows = new List<CardTableRow>();
            var j = i + 2;
            for (; j < lines.Count && lines[j].Trim().StartsWith('|'); j++) rows.Add(new CardTableRow(Cells(lines[j].Trim()), firstLine + j));
            tables.Add(new CardTable(heading, header, rows));
            i = j - 1;
        }
        return tables;
    }

    private static bool IsSeparator(string line)
    {
        var t = line.Trim();
        return t.StartsWith('|') && t.Trim('|').Split('|').All(c => c.Trim().Trim(':').Length > 0 && c.Trim().Trim(':').All(ch => ch == '-'));
    }

    private static List<string> Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToList();

    private sealed class FrontMatterException(string message) : Exception(message);
}
