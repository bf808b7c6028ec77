using ScRepro.Cards.Figures;

namespace ScRepro.Cards;

/// <summary>
/// The experiment's comparison page: every model beside the baselines, its figures, and the files of its folder; for
/// annotation experiments also the per-class table (<see cref="PerClass"/>, empty otherwise) with its rare-class rule.
/// </summary>
public sealed record ComparisonPage(string Title, string Experiment, string Commit, string Dirty, string Dataset, string SplitMembershipHash,
    IReadOnlyList<string> Models, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<string> Notes, IReadOnlyList<FigureLink> Figures,
    IReadOnlyList<FileRow> Files)
{
    public IReadOnlyList<PerClassRow> PerClass { get; init; } = [];

    public string RareRule { get; init; } = RareClasses.Rule;

    /// <summary>The rare rows, for the line that names them.</summary>
    public IReadOnlyList<PerClassRow> RareRows => PerClass.Where(r => r.Rare).ToList();
}
