namespace ScRepro.Verification.Comparison;

/// <summary>What a changed input means for the numbers made from it.</summary>
public enum ChangeKind
{
    /// <summary>The number now measures something else (data lock, split, manifest, evaluator): never comparable.</summary>
    Definition,

    /// <summary>
    /// The same measurement in another environment (libtorch, .NET, ScRepro version, threads): a number still inside
    /// its reproduced band has reproduced across the change and passes; one outside it is not comparable, because the
    /// change, not the code under test, may have moved it.
    /// </summary>
    Environment,

    /// <summary>
    /// The thing under test changed (a model's hyperparameters or budget): the numbers are judged as usual, since
    /// telling whether a recipe change moved them is the point, and the change is named beside them.
    /// </summary>
    Recipe,

    /// <summary>How this run went (e.g. a wall-clock cap cut training short): the number is not comparable.</summary>
    RunCondition,
}
