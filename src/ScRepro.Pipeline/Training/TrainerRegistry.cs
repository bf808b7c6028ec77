using ScRepro.Contracts;
using ScRepro.Foundation.Errors;
using ScRepro.Core.Manifests;

namespace ScRepro.Pipeline.Training;

/// <summary>Every model kind a manifest may name, mapped to its trainer.</summary>
public static class TrainerRegistry
{
    public static readonly IReadOnlyList<ITrainer> All =
    [
        .. Baselines.Perturbation.PerturbationBaselines.Kinds.Select(k => new PerturbationBaselineTrainer(k)),
        new LogisticTrainer(),
        new ScgptTrainerAdapter(ModelTask.Perturbation),
        new ScgptTrainerAdapter(ModelTask.Annotation),
        new ScbertTrainerAdapter(),
        new GeneformerTrainerAdapter(),
    ];

    public static ITrainer Find(ModelManifest model)
    {
        var trainer = All.FirstOrDefault(t => t.Kind == model.Kind)
            ?? throw new ScReproException($"{model.Origin.File}: key 'kind': unknown model kind '{model.Kind}' (known: {string.Join(", ", All.Select(t => t.Kind))})");
        if (trainer.Task != model.Task)
            throw new ScReproException($"{model.Origin.File}: key 'task': kind '{model.Kind}' is a {trainer.Task.Name()} model, not {model.Task.Name()}");
        return trainer;
    }

    /// <summary>libtorch's version for trainers that run on it (recorded in provenance), else null.</summary>
    public static string? LibtorchVersion(ITrainer trainer) => trainer.UsesLibtorch ? Torch.torch.__version__ : null;

    /// <summary>The variable that fixes <see cref="TorchThreads"/> (a Slurm task trains with its submitter's planned count).</summary>
    public const string TorchThreadsVariable = "SCREPRO_TORCH_THREADS";

    /// <summary>
    /// The intra-op thread count libtorch trainers set, which stamps of their units key: SCREPRO_TORCH_THREADS when
    /// set to a positive integer, else one per core.
    /// </summary>
    public static int TorchThreads =>
        int.TryParse(Environment.GetEnvironmentVariable(TorchThreadsVariable), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : Environment.ProcessorCount;
}
