using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;

namespace ScRepro.Baselines.Perturbation;

/// <summary>
/// Shared machinery: the real data's control mean and cell counts, and building the predicted AnnData.
/// Subclasses say how a condition's expression moves away from the control mean.
/// </summary>
internal abstract class MeanShiftPredictor : IPerturbationPredictor
{
    protected MeanShiftPredictor(ScRepro.AnnData.AnnotatedData data, PerturbationColumns columns, ConditionMeans means)
    {
        Data = data;
        Columns = columns;
        Means = means;
        if (!means.Means.TryGetValue(columns.Control, out var control))
            throw new ScReproException($"obs['{columns.Perturbation}'] has no control cells labelled '{columns.Control}'");
        ControlMean = control;
    }

    protected ScRepro.AnnData.AnnotatedData Data { get; }
    protected PerturbationColumns Columns { get; }
    protected ConditionMeans Means { get; }
    protected double[] ControlMean { get; }

    public abstract string Kind { get; }
    public abstract IReadOnlyDictionary<string, double> Hyperparameters { get; }

    /// <summary>The predicted change from the control mean for a non-control condition.</summary>
    protected abstract double[] Shift(string condition);

    public double[] PredictMean(string condition)
    {
        if (condition == Columns.Control) return (double[])ControlMean.Clone();
        var shift = Shift(condition);
        var result = new double[ControlMean.Length];
        // log1p expression is never negative; summed or regressed shifts can overshoot below zero, and cell-eval
        // (rightly) refuses negative log-normalised values, so clip at zero as a real expression profile would.
        for (var j = 0; j < result.Length; j++) result[j] = Math.Max(0.0, ControlMean[j] + shift[j]);
        return result;
    }

    public ScRepro.AnnData.AnnotatedData Predict(IReadOnlyList<string> conditions)
    {
        var genes = Means.Genes;
        var rowsPer = conditions.Select(c => Means.Counts.TryGetValue(c, out var n)
            ? n
            : throw new ScReproException($"cannot predict condition '{c}': obs['{Columns.Perturbation}'] has no cells of it to size the prediction")).ToArray();
        var total = rowsPer.Sum();
        var x = new DenseMatrix(total, genes);
        var obsNames = new string[total];
        var labels = new string?[total];
        var row = 0;
        for (var c = 0; c < conditions.Count; c++)
        {
            var mean = PredictMean(conditions[c]);
            var asFloat = mean.Select(v => (float)v).ToArray();
            for (var i = 0; i < rowsPer[c]; i++, row++)
            {
                asFloat.CopyTo(x.Row(row));
                obsNames[row] = $"{conditions[c]}_{i}";
                labels[row] = conditions[c];
            }
        }
        var obs = new DataFrame(obsNames);
        obs.Add(CategoricalColumn.FromLabels(Columns.Perturbation, labels));
        return new ScRepro.AnnData.AnnotatedData(x, obs, Data.Var);
    }

    /// <summary>Mean of (condition mean − control mean) over the training perturbations, each weighted equally.</summary>
    protected static double[] MeanTrainShift(ConditionMeans means, double[] control, IReadOnlyList<string> trainPerturbations)
    {
        var shift = new double[control.Length];
        if (trainPerturbations.Count == 0) return shift;
        foreach (var p in trainPerturbations)
        {
            var m = means.Means[p];
            for (var j = 0; j < shift.Length; j++) shift[j] += m[j] - control[j];
        }
        for (var j = 0; j < shift.Length; j++) shift[j] /= trainPerturbations.Count;
        return shift;
    }
}
