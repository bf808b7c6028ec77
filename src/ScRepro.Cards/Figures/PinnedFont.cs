using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace ScRepro.Cards.Figures;

/// <summary>
/// DejaVu Sans, embedded in this assembly (Fonts/DejaVuSans.ttf, licence beside it), answered for every font name
/// ScottPlot asks for: no figure depends on which fonts a machine has installed (SkiaSharp's Linux build without
/// fontconfig would otherwise draw no text at all), so the same data gives the same pixels everywhere.
/// </summary>
public sealed class PinnedFont : IFontResolver
{
    public const string Family = "ScRepro DejaVu Sans";
    private const string Resource = "ScRepro.Cards.Figures.Fonts.DejaVuSans.ttf";
    private static readonly Lock Gate = new();
    private static bool _installed;

    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded font {Resource} is missing from {typeof(PinnedFont).Assembly.Location}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>Puts the pinned font first among ScottPlot's resolvers and makes it the default (once per process).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            Fonts.FontResolvers.Insert(0, new PinnedFont());
            Fonts.Default = Family;
            _installed = true;
        }
    }

    // A new typeface per request: ScottPlot caches and may dispose what it is given.
    public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => NewTypeface();

    public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => NewTypeface();

    /// <summary>A typeface of the pinned font that the caller owns (and disposes).</summary>
    public static SKTypeface NewTypeface() => SKTypeface.FromData(SKData.CreateCopy(Bytes.Value))
        ?? throw new InvalidOperationException($"embedded font {Resource} could not be read by SkiaSharp");
}
