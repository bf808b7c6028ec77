namespace ScRepro.Pipeline.Reporting;

/// <summary>Which way is better for a metric (for bolding the best model on the comparison page).</summary>
public static class MetricDirection
{
    /// <summary>True when lower is better (errors, distances, counts of non-significant genes off the truth are neither).</summary>
    public static bool? LowerIsBetter(string metric) => metric switch
    {
        "mse" or "mae" or "mse_delta" or "mae_delta" => true,
        _ when metric.StartsWith("discrimination_score", StringComparison.Ordinal) => false,
        "de_nsig_counts_real" or "de_nsig_counts_pred" => null,
        _ => false,
    };
}
