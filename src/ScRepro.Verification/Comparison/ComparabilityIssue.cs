namespace ScRepro.Verification.Comparison;

/// <summary>Why numbers cannot be compared with their reference: which input changed, or how the run went.</summary>
public sealed record ComparabilityIssue(string Input, string Reason, ChangeKind Kind)
{
    /// <summary>A condition of this run that makes its numbers incomparable, e.g. "stopped by the wall-clock cap after 4/5 epochs".</summary>
    public static ComparabilityIssue RunCondition(string input, string reason) => new(input, reason, ChangeKind.RunCondition);

    /// <summary>Whether this issue makes a number not comparable, given what the number did without it.</summary>
    public bool Applies(VerdictStatus measured) => Kind switch
    {
        ChangeKind.Recipe => false,
        ChangeKind.Environment => measured is not (VerdictStatus.Pass or VerdictStatus.Informational),
        _ => true,
    };

    /// <summary>What a number's notes say about an issue that did not make it incomparable.</summary>
    public string Note() => Kind == ChangeKind.Environment ? $"reproduced across: {Reason}" : $"judged across: {Reason}";
}
