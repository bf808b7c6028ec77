using ScottPlot;
using SkiaSharp;
using ScRepro.Foundation.IO;

namespace ScRepro.Cards.Figures;

/// <summary>
/// The one setup every ScRepro figure is drawn with (cards, comparison pages, nightly trends): the pinned font, one
/// palette, a white background, and PNG encoding with fixed options from a raster surface, so identical inputs give
/// byte-identical files. Panels are composed onto one canvas here rather than with ScottPlot's Multiplot, which
/// needs an interactive control's layout pass to place its subplots.
/// </summary>
public static class FigureStyle
{
    /// <summary>Tableau's ten colours (matplotlib's default cycle), so a model keeps its colour across figures.</summary>
    public static readonly IReadOnlyList<Color> Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"), Color.FromHex("#17becf"),
    ];

    public static Color ColorFor(int index) => Palette[index % Palette.Count];

    /// <summary>A plot whose every label uses the pinned font.</summary>
    public static Plot NewPlot()
    {
        PinnedFont.Install();
        var plot = new Plot();
        plot.Font.Set(PinnedFont.Family, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
        return plot;
    }

    /// <summary>The plot as PNG bytes.</summary>
    public static byte[] Png(Plot plot, int width, int height) => Grid([plot], 1, width, height, title: null);

    /// <summary>
    /// Panels laid out row by row, <paramref name="columns"/> to a row, each <paramref name="panelWidth"/> ×
    /// <paramref name="panelHeight"/> pixels, under an optional figure title and an optional legend shared by every
    /// panel (<paramref name="legend"/>'s items, in one row, so no panel's legend covers its data); empty cells stay white.
    /// </summary>
    public static byte[] Grid(IReadOnlyList<Plot> panels, int columns, int panelWidth, int panelHeight, string? title, Plot? legend = null)
    {
        if (panels.Count == 0) throw new ArgumentException("a figure needs at least one panel", nameof(panels));
        var rows = (panels.Count + columns - 1) / columns;
        var cols = Math.Min(columns, panels.Count);
        using var key = legend is null ? null : LegendImage(legend);
        var top = (title is null ? 0 : TitleHeight) + (key is null ? 0 : key.Height + 6);
        // A key wider than the panels widens the figure; the panels are then centred under it.
        var width = Math.Max(cols * panelWidth, key is null ? 0 : key.Width + 20);
        var left = (width - cols * panelWidth) / 2;
        var info = new SKImageInfo(width, top + rows * panelHeight, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("SkiaSharp could not make a raster surface");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        if (title is not null) DrawTitle(canvas, title, info.Width);
        if (key is not null) canvas.DrawImage(key, (info.Width - key.Width) / 2f, title is null ? 0 : TitleHeight);
        for (var i = 0; i < panels.Count; i++)
        {
            using var panel = SKSurface.Create(new SKImageInfo(panelWidth, panelHeight, SKColorType.Rgba8888, SKAlphaType.Premul))!;
            panel.Canvas.Clear(SKColors.White);
            panels[i].Render(panel);
            using var image = panel.Snapshot();
            canvas.DrawImage(image, left + i % columns * panelWidth, top + i / columns * panelHeight);
        }
        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var pixels = snapshot.PeekPixels();
        // Fixed filter set and zlib level: the encoder's output then depends on the pixels alone (no time chunk).
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the figure as PNG");
        return data.ToArray();
    }

    /// <summary>Writes <paramref name="png"/> under a temporary name, then renames it.</summary>
    public static void Write(string path, byte[] png) => AtomicFile.WriteAllBytes(path, png);

    /// <summary>The height a figure title adds above the panels.</summary>
    public const int TitleHeight = 44;

    private static SKImage LegendImage(Plot legend)
    {
        legend.Legend.Orientation = Orientation.Horizontal;
        legend.Legend.ShadowOffset = new PixelOffset(0, 0);
        using var image = legend.GetLegendImage();
        return SKImage.FromEncodedData(image.GetImageBytes(ImageFormat.Png, 100))
            ?? throw new InvalidOperationException("SkiaSharp could not read the legend image");
    }

    private static void DrawTitle(SKCanvas canvas, string title, int width)
    {
        PinnedFont.Install();
        using var typeface = PinnedFont.NewTypeface();
        using var font = new SKFont(typeface, 20) { Subpixel = false, Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(title, width / 2f, TitleHeight - 14, SKTextAlign.Center, font, paint);
    }
}
