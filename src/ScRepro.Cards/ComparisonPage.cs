namespace ScRepro.Cards;

/// <summary>The experiment's comparison page: every model beside the baselines.</summary>
public sealed record ComparisonPage(string Title, string Experiment, string Commit, string Dirty, string Dataset, string SplitMembershipHash,
    IReadOnlyList<string> Models, IReadOnlyList<ComparisonRow> Rows, IReadOnlyList<string> Notes);
