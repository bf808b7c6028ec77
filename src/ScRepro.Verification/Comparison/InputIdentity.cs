namespace ScRepro.Verification.Comparison;

/// <summary>
/// One input a number depends on, by name and identity (a hash or a version): <c>data_lock</c>,
/// <c>split_membership</c>, <c>model_manifest</c>, <c>experiment_manifest</c>, <c>evaluator</c>, <c>libtorch</c>, …
/// Null when the input is unknown on that side.
/// </summary>
public sealed record InputIdentity(string Name, string? Value, ChangeKind Kind = ChangeKind.Definition)
{
    /// <summary>Human names for the inputs reports mention most; others are shown as their key.</summary>
    public static string Label(string name) => name switch
    {
        "data_lock" => "data lock",
        "split_membership" => "split membership",
        "model_manifest" => "model manifest",
        "experiment_manifest" => "experiment manifest",
        "evaluator" => "evaluator version",
        _ => name.Replace('_', ' '),
    };
}
