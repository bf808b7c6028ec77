using ScRepro.Audit.Model;
using ScRepro.Foundation.Errors;
using ScRepro.Contracts;
using ScRepro.Pipeline.Training;

namespace ScRepro.Audit.Checks;

/// <summary>
/// Level L3 (§2.5 D): the model run again on the test split, then evaluated and compared with the claims. A closed-form
/// baseline is refitted from the data and the folder's split (deterministic: profile `reevaluate`). A libtorch model
/// (scGPT perturbation and annotation, scBERT, Geneformer) is loaded from the folder by its trainer's own prediction
/// code (<see cref="IRepredictable"/>) and predicts with the card's seed (profile `repredict`); where its prediction
/// draws from the seed (scGPT) it predicts again with <see cref="PairingSpreads.OtherSeeds"/> more seeds, and the
/// spread goes into the report beside the verdict. A full-size checkpoint on a machine without CUDA is "needs a GPU",
/// which is UNVERIFIABLE, never a pass.
/// </summary>
public static class PredictCheck
{
    private const string Title = "the model re-predicts the claimed metrics";

    public static PredictResult Run(AuditInputs inputs, ToleranceSource tolerances)
    {
        PredictResult Unverifiable(string why) => new(new AuditCheck("D", AuditLevel.Predict, Title, CheckStatus.Unverifiable, why), []);
        if (tolerances.Model is not { } model) return Unverifiable("no manifests/tolerances.yaml to judge the numbers with");
        if (inputs.Model is not { } manifest) return Unverifiable(inputs.ModelError ?? "no --model: the architecture to re-run is unknown");
        var (runner, why) = EvaluationRunner.Prepare(inputs);
        if (runner is null) return Unverifiable(why!);
        var seed = long.TryParse(inputs.Card?.Screpro.GetValueOrDefault("seed"), out var s) ? s : 0;
        var scratch = Directory.CreateTempSubdirectory("screpro-audit-predict-").FullName;
        try
        {
            var trainer = TrainerRegistry.Find(manifest);
            TrainRequest Request(long k, string dir) => new(runner.Context, manifest, k, runner.Data, runner.Split, dir);
            if (trainer is not IRepredictable repredictable)
            {
                if (trainer.UsesLibtorch) return Unverifiable($"re-predicting a `{manifest.Kind}` checkpoint is not supported by the audit");
                trainer.Train(Request(seed, scratch));
                return Judged(MetricJudge.Judge("D", AuditLevel.Predict, Title, inputs, runner.Evaluate(scratch), model, "reevaluate",
                    $"{manifest.Id} re-fitted (reevaluate)"));
            }
            if (repredictable.CannotRepredict(inputs.Folder) is { } cannot) return Unverifiable(cannot);
            IReadOnlyList<MetricStats> Predicted(long k)
            {
                var dir = Directory.CreateDirectory(Path.Combine(scratch, $"seed{k}")).FullName;
                repredictable.Repredict(Request(k, dir), inputs.Folder);
                return runner.Evaluate(dir);
            }
            var threads = $"torch threads {TrainerRegistry.TorchThreads}";
            var first = Predicted(seed);
            var (check, rows) = MetricJudge.Judge("D", AuditLevel.Predict, Title, inputs, first, model, "repredict",
                $"{manifest.Id} re-predicted with seed {seed}, {threads} (repredict)");
            if (!repredictable.SeedDependent) return new PredictResult(check, rows);
            var others = Enumerable.Range(1, PairingSpreads.OtherSeeds).Select(j => PairingSpreads.Seed(seed, j)).ToList();
            var spread = PairingSpreads.Build(seed, others, [first, .. others.Select(Predicted)], inputs, model);
            return new PredictResult(check with { Reason = check.Reason + "; " + PairingSpreads.Describe(spread) }, rows, spread);
        }
        catch (ScReproException e)
        {
            return new PredictResult(new AuditCheck("D", AuditLevel.Predict, Title, CheckStatus.Fail, $"re-running {manifest.Id} failed: {e.Message}"), []);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static PredictResult Judged((AuditCheck Check, IReadOnlyList<MetricComparison> Rows) judged) => new(judged.Check, judged.Rows);
}
