using ScottPlot;

namespace ScRepro.Cards.Figures;

/// <summary>Label sizes shared by every panel, so figures placed side by side read alike.</summary>
public static class PanelText
{
    public const float Title = 17;
    public const float Axis = 15;
    public const float Ticks = 12;

    /// <summary>Title and axis labels at the shared sizes (titles not bold: the pinned font has one face).</summary>
    public static void Label(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title, Title);
        plot.Axes.Title.Label.Bold = false;
        plot.XLabel(xLabel, Axis);
        plot.YLabel(yLabel, Axis);
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        plot.Axes.Bottom.TickLabelStyle.FontSize = Ticks;
        plot.Axes.Left.TickLabelStyle.FontSize = Ticks;
    }

    /// <summary>A panel that says in words why there is nothing to draw.</summary>
    public static Plot Empty(string message)
    {
        var plot = FigureStyle.NewPlot();
        plot.Title(message, Axis);
        plot.Axes.Title.Label.Bold = false;
        plot.HideAxesAndGrid();
        return plot;
    }
}
