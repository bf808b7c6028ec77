using ScRepro.Cards.Figures;
using ScRepro.Contracts;
using ScRepro.Foundation.IO;
using ScRepro.Pipeline.Stages;

namespace ScRepro.Pipeline.Figures;

/// <summary>
/// A model card's figures: the training curve when the trainer logged epochs (training_stats.json's val_history and
/// train_loss_history); a closed-form baseline logs none and gets no figure.
/// </summary>
public static class ModelFigures
{
    /// <summary>Each seed's epoch log, in seed order; empty when no seed trained by epochs.</summary>
    public static IReadOnlyList<EpochCurve> Curves(RunContext ctx, string model, IEnumerable<long> seeds) =>
        seeds.Select(seed =>
        {
            var path = Path.Combine(TrainStage.UnitDir(ctx, model, seed), "training_stats.json");
            return File.Exists(path) ? EpochCurve.From(seed, Json.Deserialize<TrainStats>(File.ReadAllText(path)).Details) : null;
        }).Where(c => c is not null).Select(c => c!).ToList();

    public static IReadOnlyList<string> Names(IReadOnlyList<EpochCurve> curves) => curves.Count > 0 ? [TrainingCurveFigure.FileName] : [];

    /// <summary>Writes the figures into <paramref name="dir"/>; returns their links.</summary>
    public static IReadOnlyList<FigureLink> Write(IReadOnlyList<EpochCurve> curves, string dir)
    {
        if (curves.Count == 0) return [];
        FigureStyle.Write(Path.Combine(dir, TrainingCurveFigure.FileName), TrainingCurveFigure.Render(curves));
        return [TrainingCurveFigure.Link(curves)];
    }
}
