namespace ScRepro.Baselines.Perturbation;

/// <summary>
/// Every perturbation is predicted as control mean + the average shift of the training perturbations
/// (each training perturbation's mean minus the control mean, averaged with equal weight per perturbation).
/// </summary>
internal sealed class TrainMeanPredictor : MeanShiftPredictor
{
    private readonly double[] _shift;

    public TrainMeanPredictor(ScRepro.AnnData.AnnotatedData data, PerturbationColumns columns, ConditionMeans means, IReadOnlyList<string> trainPerturbations)
        : base(data, columns, means) => _shift = MeanTrainShift(means, ControlMean, trainPerturbations);

    public override string Kind => PerturbationBaselines.TrainMean;
    public override IReadOnlyDictionary<string, double> Hyperparameters { get; } = new Dictionary<string, double>();
    protected override double[] Shift(string condition) => _shift;
}
