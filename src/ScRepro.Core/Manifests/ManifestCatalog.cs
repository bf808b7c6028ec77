using ScRepro.Contracts;
using ScRepro.Foundation.Errors;

namespace ScRepro.Core.Manifests;

/// <summary>An experiment with the dataset and model manifests it names, cross-checked.</summary>
public sealed record ManifestCatalog(ExperimentManifest Experiment, DatasetManifest Dataset, IReadOnlyList<ModelManifest> Models)
{
    /// <summary>manifests/papers.yaml when any of these manifests cites a paper (every key checked); null when none does.</summary>
    public PaperRegistry? Papers { get; init; }

    /// <summary>Every paper these manifests cite: the dataset's, then each model's, then the experiment's references.</summary>
    public IEnumerable<PaperRef> Citations =>
        Dataset.Papers.Concat(Models.SelectMany(m => m.Papers)).Concat(Experiment.References.Select(r => r.Paper));

    /// <summary>Loads manifests/experiments/&lt;id&gt;.yaml and what it references from <paramref name="manifestsDir"/>.</summary>
    public static ManifestCatalog Load(string manifestsDir, string experimentId)
    {
        if (!ManifestLoader.IsId(experimentId))
            throw new ScReproException($"--experiment: {ManifestLoader.NotAnId(experimentId)}; experiments are manifests/experiments/<id>.yaml");
        var expFile = Path.Combine(manifestsDir, "experiments", experimentId + ".yaml");
        if (!File.Exists(expFile))
        {
            var known = Directory.Exists(Path.GetDirectoryName(expFile))
                ? Directory.GetFiles(Path.GetDirectoryName(expFile)!, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()
                : [];
            throw new ScReproException($"experiment '{experimentId}': {expFile} not found (known: {string.Join(", ", known)})");
        }
        var experiment = ManifestLoader.LoadExperiment(expFile);
        var dsFile = Path.Combine(manifestsDir, "datasets", experiment.Dataset + ".yaml");
        if (!File.Exists(dsFile))
            throw new ScReproException($"{experiment.Origin.File}: key 'dataset': no manifest {dsFile}");
        var dataset = ManifestLoader.LoadDataset(dsFile);
        var models = experiment.Models.Select(id =>
        {
            var f = Path.Combine(manifestsDir, "models", id + ".yaml");
            if (!File.Exists(f)) throw new ScReproException($"{experiment.Origin.File}: key 'models': no manifest {f}");
            var model = ManifestLoader.LoadModel(f);
            if (model.Task != experiment.Task)
                throw new ScReproException($"{model.Origin.File}: key 'task': model '{id}' is for {model.Task.Name()}, experiment '{experiment.Id}' is {experiment.Task.Name()}");
            return model;
        }).ToList();
        var catalog = new ManifestCatalog(experiment, dataset, models);
        return catalog with { Papers = CheckPapers(manifestsDir, catalog.Citations.ToList()) };
    }

    /// <summary>Loads the paper registry once something cites a paper and checks every cited key against it.</summary>
    public static PaperRegistry? CheckPapers(string manifestsDir, IReadOnlyList<PaperRef> cites)
    {
        if (cites.Count == 0) return null;
        var file = Path.Combine(manifestsDir, PaperRegistry.FileName);
        if (!File.Exists(file))
            throw new ScReproException($"{cites[0].File}:{cites[0].Line}: key '{cites[0].Field}': cites paper '{cites[0].Key}', but {file} does not exist");
        var registry = PaperRegistryLoader.Load(file);
        foreach (var cite in cites) registry.Require(cite);
        return registry;
    }
}
