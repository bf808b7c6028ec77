namespace ScRepro.Baselines.Perturbation;

/// <summary>"No change": every condition is predicted as the mean of the control cells.</summary>
internal sealed class ControlMeanPredictor(ScRepro.AnnData.AnnotatedData data, PerturbationColumns columns, ConditionMeans means)
    : MeanShiftPredictor(data, columns, means)
{
    public override string Kind => PerturbationBaselines.ControlMean;
    public override IReadOnlyDictionary<string, double> Hyperparameters { get; } = new Dictionary<string, double>();
    protected override double[] Shift(string condition) => new double[ControlMean.Length];
}
