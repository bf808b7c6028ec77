namespace ScRepro.Baselines.Perturbation;

/// <summary>
/// A perturbation of genes {a, b, …} is predicted as control mean + Σ shift(g), where shift(g) is the observed shift
/// of the single-gene training perturbation of g, or the train-mean shift when g was not seen alone in training.
/// A single seen in training is therefore predicted by its own training mean.
/// </summary>
internal sealed class AdditivePredictor : MeanShiftPredictor
{
    private readonly double[] _fallback;
    private readonly Dictionary<string, double[]> _single = new(StringComparer.Ordinal);

    public AdditivePredictor(ScRepro.AnnData.AnnotatedData data, PerturbationColumns columns, ConditionMeans means, IReadOnlyList<string> trainPerturbations)
        : base(data, columns, means)
    {
        _fallback = MeanTrainShift(means, ControlMean, trainPerturbations);
        foreach (var p in trainPerturbations)
        {
            var genes = ConditionGenes.Of(p, columns.Control);
            if (genes.Length != 1) continue;
            var m = means.Means[p];
            _single[genes[0]] = m.Select((v, j) => v - ControlMean[j]).ToArray();
        }
    }

    public override string Kind => PerturbationBaselines.Additive;
    public override IReadOnlyDictionary<string, double> Hyperparameters { get; } = new Dictionary<string, double>();

    /// <summary>Genes of training singles, for reporting which test genes fell back to the train mean.</summary>
    public IReadOnlyCollection<string> SeenSingles => _single.Keys;

    protected override double[] Shift(string condition)
    {
        var shift = new double[ControlMean.Length];
        foreach (var g in ConditionGenes.Of(condition, Columns.Control))
        {
            var s = _single.TryGetValue(g, out var seen) ? seen : _fallback;
            for (var j = 0; j < shift.Length; j++) shift[j] += s[j];
        }
        return shift;
    }
}
