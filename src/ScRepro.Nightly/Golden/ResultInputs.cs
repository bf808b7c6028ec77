namespace ScRepro.Nightly.Golden;

/// <summary>
/// What a model's numbers were made from. The data lock, split membership, experiment definition (dataset, file,
/// columns, split policy), model kind and evaluator define what the numbers measure: when one changes, the numbers
/// are not comparable. The recipe (hyperparameters and budget, flattened to dotted keys with canonical-JSON values) is
/// the thing under test: a change is named and the numbers are judged. The model manifest and tolerance hashes are
/// recorded for the audit trail.
/// </summary>
public sealed record ResultInputs(
    string DataLockSha256,
    string SplitMembershipSha256,
    string ExperimentDefinitionSha256,
    string ModelKind,
    string Evaluator,
    IReadOnlyDictionary<string, string> ModelRecipe,
    string ModelManifestSha256,
    string TolerancesSha256);
