using HandlebarsDotNet;
using ScRepro.Foundation.Errors;

namespace ScRepro.Cards;

/// <summary>
/// Renders Handlebars templates from reports/templates/ strictly: an unresolved binding or a template error
/// is an error naming the template, never an empty cell in a published card.
/// </summary>
public sealed class CardRenderer
{
    private readonly IHandlebars _handlebars;
    private readonly string _templateDir;

    public CardRenderer(string templateDir)
    {
        _templateDir = templateDir;
        var config = new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = true,
            NoEscape = true, // Markdown, not HTML.
        };
        _handlebars = Handlebars.Create(config);
        foreach (var partial in Directory.Exists(templateDir) ? Directory.GetFiles(templateDir, "_*.hbs") : [])
        {
            var name = Path.GetFileNameWithoutExtension(partial).TrimStart('_');
            _handlebars.RegisterTemplate(name, File.ReadAllText(partial));
        }
    }

    /// <summary>sha256 of every template file, for the card stage's stamps (a template edit re-renders).</summary>
    public string TemplatesHash() =>
        Core.Hashing.TextHash.Sha256Lines(Directory.GetFiles(_templateDir, "*.hbs").Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetFileName(f)}\t{Core.Hashing.TextHash.Sha256(File.ReadAllText(f))}"));

    public string Render(string templateName, object model)
    {
        var path = Path.Combine(_templateDir, templateName);
        if (!File.Exists(path)) throw new ScReproException($"card template {path} not found");
        try
        {
            var template = _handlebars.Compile(File.ReadAllText(path));
            var text = template(model);
            if (text.Contains("\0", StringComparison.Ordinal)) throw new ScReproException($"{path}: rendered a NUL character");
            return text;
        }
        catch (Exception e) when (e is HandlebarsException or HandlebarsDotNet.Compiler.HandlebarsUndefinedBindingException)
        {
            throw new ScReproException($"{path}: template error: {e.Message}");
        }
    }
}
