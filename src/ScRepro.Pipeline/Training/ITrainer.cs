using ScRepro.Contracts;

namespace ScRepro.Pipeline.Training;

/// <summary>
/// A model kind the Train stage can run (the `kind` of a model manifest). Perturbation trainers write
/// predictions.h5ad (predicted profiles for the test conditions and the control); annotation trainers write
/// predictions.csv (obs_name, true label, predicted label). Both write into <see cref="TrainRequest.OutputDir"/>.
/// </summary>
public interface ITrainer
{
    string Kind { get; }

    ModelTask Task { get; }

    /// <summary>Whether the trainer checkpoints into its output folder and continues from what it finds there.</summary>
    bool Resumable => false;

    /// <summary>Whether it trains on libtorch, whose version then goes into the unit's provenance.</summary>
    bool UsesLibtorch => false;

    TrainOutcome Train(TrainRequest request);
}
