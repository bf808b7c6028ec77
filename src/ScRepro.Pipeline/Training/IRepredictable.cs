namespace ScRepro.Pipeline.Training;

/// <summary>
/// A trainer whose trained folder can be run again: the audit's level D (§2.5 D) loads the published weights and
/// predicts the test split through the same code Train predicted it with, writing the same predictions file(s).
/// </summary>
public interface IRepredictable
{
    /// <summary>
    /// Whether the prediction draws from its seed (scGPT's control pairing, binning ties), so re-predicting with other
    /// seeds shows how much of a metric is that draw.
    /// </summary>
    bool SeedDependent { get; }

    /// <summary>Why <paramref name="folder"/> cannot be re-predicted on this machine (a missing file; full size without CUDA), or null.</summary>
    string? CannotRepredict(string folder);

    /// <summary>Predicts <paramref name="request"/>'s test split with the weights in <paramref name="folder"/> into its OutputDir.</summary>
    void Repredict(TrainRequest request, string folder);
}
