using ScRepro.Core.Manifests;
using ScRepro.Papers;

namespace ScRepro.Cards;

/// <summary>What a card needs to know about the run it reports: the experiment, its dataset and the code state.</summary>
public sealed record CardRun(ExperimentManifest Experiment, DatasetManifest Dataset, string Commit, string ShortCommit, string RunName)
{
    /// <summary>The pinned papers (manifests/papers.lock.json) the card cites from; never the network.</summary>
    public PaperLock Papers { get; init; } = PaperLock.Empty;
}
