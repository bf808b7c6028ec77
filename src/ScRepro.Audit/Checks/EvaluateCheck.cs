using ScRepro.Audit.Model;

namespace ScRepro.Audit.Checks;

/// <summary>
/// Level L2 (§2.5 C): the stored predictions re-evaluated with ScRepro's evaluator on the experiment's data and the
/// folder's split, compared with summary.json and the card: profile `reevaluate` for a ScRepro-made card (same code,
/// same inputs), `cross_implementation` for a third-party card (Python cell-eval against ScRepro's C#).
/// </summary>
public static class EvaluateCheck
{
    private const string Title = "stored predictions re-evaluate to the claimed metrics";

    public static (AuditCheck Check, IReadOnlyList<MetricComparison> Rows) Run(AuditInputs inputs, ToleranceSource tolerances)
    {
        if (tolerances.Model is not { } model)
            return (new AuditCheck("C", AuditLevel.Evaluate, Title, CheckStatus.Unverifiable, "no manifests/tolerances.yaml to judge the numbers with"), []);
        var predictions = inputs.File("predictions.h5ad") ?? inputs.File("predictions.csv");
        if (predictions is null)
            return (new AuditCheck("C", AuditLevel.Evaluate, Title, CheckStatus.Unverifiable, "no stored predictions (predictions.h5ad / predictions.csv)"), []);
        var (runner, why) = EvaluationRunner.Prepare(inputs);
        if (runner is null) return (new AuditCheck("C", AuditLevel.Evaluate, Title, CheckStatus.Unverifiable, why!), []);
        var profile = inputs.Card?.MadeByScRepro == true ? "reevaluate" : "cross_implementation";
        var computed = runner.Evaluate(inputs.Folder);
        return MetricJudge.Judge("C", AuditLevel.Evaluate, Title, inputs, computed, model, profile, $"{predictions.Path} re-evaluated ({profile})");
    }
}
