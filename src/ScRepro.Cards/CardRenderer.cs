using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using ScRepro.Foundation.Errors;

namespace ScRepro.Cards;

/// <summary>
/// Renders the Scriban templates in reports/templates/ strictly: a name the model does not have, on a variable or on a
/// member, is an error naming the template, line and column, never an empty cell in a published card. Member names are
/// bound as written in C# (Scriban would rename `ShortCommit` to `short_commit`); the formatting functions are under
/// `fmt` (<see cref="CardFormat"/>), so the model carries raw numbers and the template decides how they read.
/// </summary>
public sealed class CardRenderer
{
    /// <summary>Scriban stops a loop after 1,000 iterations by default; a 284-condition table is longer than that.</summary>
    public const int LoopLimit = 1_000_000;

    private const string Extension = ".scriban";
    private readonly string _templateDir;

    public CardRenderer(string templateDir) => _templateDir = templateDir;

    /// <summary>sha256 of every template file, for the card stage's stamps (a template edit re-renders).</summary>
    public string TemplatesHash() =>
        Core.Hashing.TextHash.Sha256Lines(Directory.GetFiles(_templateDir, "*" + Extension).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetFileName(f)}\t{Core.Hashing.TextHash.Sha256(File.ReadAllText(f))}"));

    /// <summary>MODEL_CARD.md: the Hub front matter (serialized), a blank line, then model_card.md.scriban.</summary>
    public string RenderModelCard(ModelCard card) =>
        Hub.FrontMatter.Write(card.Hub) + "\n" + Render("model_card.md.scriban", card);

    /// <summary>Renders <paramref name="templateName"/> (a file in the template folder) over <paramref name="model"/>'s members.</summary>
    public string Render(string templateName, object model)
    {
        var path = Path.Combine(_templateDir, templateName);
        if (!File.Exists(path)) throw new ScReproException($"card template {path} not found");
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
            throw new ScReproException($"{path}: template error: {string.Join("; ", template.Messages.Select(m => m.ToString()))}");
        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = LoopLimit,
            MemberRenamer = member => member.Name,
            TryGetMember = MissingMember,
        };
        var globals = new ScriptObject();
        globals.Import(model, renamer: member => member.Name);
        var functions = new ScriptObject();
        functions.Import(typeof(CardFormat));
        globals.SetValue("fmt", functions, readOnly: true);
        context.PushGlobal(globals);
        try
        {
            var text = template.Render(context);
            if (text.Contains('\0', StringComparison.Ordinal)) throw new ScReproException($"{path}: rendered a NUL character");
            return text;
        }
        catch (ScriptRuntimeException e)
        {
            // The message starts with "<path>(line,col) : error : …".
            throw new ScReproException($"{path}: template error: {e.Message}");
        }
    }

    private static bool MissingMember(TemplateContext context, SourceSpan span, object target, string member, out object value) =>
        throw new ScriptRuntimeException(span, $"`{target.GetType().Name}` has no member `{member}`");
}
