namespace ScRepro.Models.Training;

/// <summary>
/// The purposes the model families derive their seeds for (Foundation.Random.Seeds): one name per stream, so a stream
/// never shares a seed with another, within a unit or across the experiment's seeds. TrainStats records each by name.
/// </summary>
public static class SeedPurposes
{
    /// <summary>libtorch's generator before the model is built: initial weights (and scBERT's first projections).</summary>
    public const string Init = "init";

    /// <summary>The 10 % of the training cells held out for validation when the split has no val part.</summary>
    public const string ValidationHoldout = "validation_holdout";

    /// <summary>scGPT's binning ties and long-cell subsampling, per part of the split.</summary>
    public const string TrainInputs = "inputs/train", ValInputs = "inputs/val", TestInputs = "inputs/test";

    /// <summary>scGPT annotation's padding (gene subsets of cells longer than max_seq_len), per part of the split.</summary>
    public const string TrainBatches = "batches/train", ValBatches = "batches/val", TestBatches = "batches/test";

    /// <summary>GEARS-style pairing of each perturbed cell with a random control cell: training, and prediction.</summary>
    public const string TrainControlPairs = "control_pairs/train", PredictControlPairs = "control_pairs/predict";

    /// <summary>libtorch's generator at the start of epoch <paramref name="epoch"/> (dropout masks).</summary>
    public static string EpochTorch(int epoch) => $"epoch/{epoch}/torch";

    /// <summary>The epoch's own numpy-compatible stream: the order of the training cells (and scGPT's gene subsets).</summary>
    public static string EpochOrder(int epoch) => $"epoch/{epoch}/order";
}
