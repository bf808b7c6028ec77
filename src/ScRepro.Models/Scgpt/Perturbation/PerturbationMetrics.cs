using ScRepro.Evaluation.Perturbation.Statistics;

namespace ScRepro.Models.Scgpt.Perturbation;

/// <summary>
/// scGPT's compute_perturbation_metrics (spec §4.5), used for model selection and early stopping: per condition the
/// Pearson correlation of mean predicted vs mean true profile (all genes), and of the same minus the control mean
/// (pearson_delta), with the project's one Pearson (scipy.stats.pearsonr's, in Evaluation); averaged over conditions; conditions whose true mean is all zero are skipped. Also mean MSE.
/// </summary>
public static class PerturbationMetrics
{
    /// <summary>The metrics <see cref="Compute"/> reports.</summary>
    public static readonly string[] Names = ["pearson", "pearson_delta", "mse"];

    public static IReadOnlyDictionary<string, double> Compute(
        IReadOnlyDictionary<string, (double[] Pred, double[] True)> byCondition, double[] controlMean)
    {
        var pearson = new List<double>();
        var delta = new List<double>();
        var mse = new List<double>();
        foreach (var (_, (pred, truth)) in byCondition.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (truth.All(v => v == 0)) continue;
            pearson.Add(Correlation.Pearson(pred, truth));
            delta.Add(Correlation.Pearson(pred.Select((v, g) => v - controlMean[g]).ToArray(), truth.Select((v, g) => v - controlMean[g]).ToArray()));
            mse.Add(pred.Select((v, g) => (v - truth[g]) * (v - truth[g])).Average());
        }
        return new Dictionary<string, double>
        {
            ["pearson"] = Mean(pearson),
            ["pearson_delta"] = Mean(delta),
            ["mse"] = Mean(mse),
        };
    }

    private static double Mean(List<double> xs)
    {
        var ok = xs.Where(x => !double.IsNaN(x)).ToList();
        return ok.Count == 0 ? double.NaN : ok.Average();
    }
}
