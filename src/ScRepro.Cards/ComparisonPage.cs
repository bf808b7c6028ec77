using ScRepro.Cards.Figures;

namespace ScRepro.Cards;

/// <summary>The experiment's comparison page: every model beside the baselines, its figures, and the files of its folder.</summary>
public sealed record ComparisonPage(string Title, string Experiment, string Commit, string Dirty, string Dataset, string SplitMembershipHash,
    IReadOnlyList<string> Models, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<string> Notes, IReadOnlyList<FigureLink> Figures,
    IReadOnlyList<FileRow> Files);
