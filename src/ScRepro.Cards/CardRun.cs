using ScRepro.Core.Manifests;

namespace ScRepro.Cards;

/// <summary>What a card needs to know about the run it reports: the experiment, its dataset and the code state.</summary>
public sealed record CardRun(ExperimentManifest Experiment, DatasetManifest Dataset, string Commit, string ShortCommit, string RunName);
