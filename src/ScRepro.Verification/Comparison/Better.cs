namespace ScRepro.Verification.Comparison;

/// <summary>Which way a metric improves: a move beyond the broken band breaks only on the worse side.</summary>
public enum Better
{
    /// <summary>Higher is better (pearson_delta, accuracy).</summary>
    Higher,

    /// <summary>Lower is better (mse, mae).</summary>
    Lower,

    /// <summary>Neither (DE counts): any move beyond the broken band breaks.</summary>
    Neither,
}
