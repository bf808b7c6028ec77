using ScRepro.AnnData;
using ScRepro.Audit.Model;
using ScRepro.Core.Errors;
using ScRepro.Models.Scgpt.Perturbation;
using ScRepro.Pipeline.Training;

namespace ScRepro.Audit.Checks;

/// <summary>
/// Level L3 (§2.5 D): the model run again on the test split, then evaluated and compared with the claims. A closed-form
/// baseline is refitted from the data and the folder's split (deterministic: profile `reevaluate`); a scGPT
/// perturbation checkpoint is loaded from the folder (args.json, vocab.json, best_model.pt) into TransformerGenerator
/// and predicts with the published seed (profile `repredict`). A full-size checkpoint on a machine without CUDA is
/// "needs a GPU", which is UNVERIFIABLE, never a pass.
/// </summary>
public static class PredictCheck
{
    private const string Title = "the model re-predicts the claimed metrics";

    /// <summary>Largest scGPT that re-predicts on a CPU here: the demo's size class (the full model is 12 × 512).</summary>
    public const int CpuMaxLayers = 4;
    public const int CpuMaxWidth = 128;

    public static (AuditCheck Check, IReadOnlyList<MetricComparison> Rows) Run(AuditInputs inputs, ToleranceSource tolerances)
    {
        AuditCheck Unverifiable(string why) => new("D", AuditLevel.Predict, Title, CheckStatus.Unverifiable, why);
        if (tolerances.Model is not { } model) return (Unverifiable("no manifests/tolerances.yaml to judge the numbers with"), []);
        if (inputs.Model is not { } manifest) return (Unverifiable(inputs.ModelError ?? "no --model: the architecture to re-run is unknown"), []);
        var (runner, why) = EvaluationRunner.Prepare(inputs);
        if (runner is null) return (Unverifiable(why!), []);
        var seed = long.TryParse(inputs.Card?.Screpro.GetValueOrDefault("seed"), out var s) ? s : 0;
        var scratch = Directory.CreateTempSubdirectory("screpro-audit-predict-").FullName;
        try
        {
            string profile;
            if (!manifest.Kind.StartsWith("scgpt", StringComparison.Ordinal))
            {
                var trainer = TrainerRegistry.Find(manifest);
                trainer.Train(new TrainRequest(runner.Context, manifest, seed, runner.Data, runner.Split, scratch));
                profile = "reevaluate";
            }
            else if (manifest.Kind == "scgpt_perturbation")
            {
                if (inputs.File("best_model.pt") is null || inputs.File("args.json") is null || inputs.File("vocab.json") is null)
                    return (Unverifiable("a scGPT re-prediction needs best_model.pt, args.json and vocab.json in the folder"), []);
                if (TooBigForCpu(inputs) is { } size && !Torch.torch.cuda.is_available())
                    return (Unverifiable($"needs a GPU: {size} is full-size scGPT and this machine has no CUDA device"), []);
                var exp = runner.Context.Experiment;
                var h = manifest.Hyperparameters;
                using var predictor = ScgptPerturbationPredictor.FromFolder(inputs.Folder, exp.Columns.Perturbation!,
                    Convert.ToDouble(h.GetValueOrDefault("pad_value") ?? 0L), Convert.ToInt32(h.GetValueOrDefault("pert_pad_id") ?? 0L));
                var dataset = PerturbationDataset.FromAnnData(runner.Data, exp.Columns.Perturbation!, exp.Columns.Control!, exp.File);
                var predicted = predictor.Predict(dataset, runner.Split.Test.Prepend(exp.Columns.Control!).ToList(), seed);
                AnnDataFile.Write(Path.Combine(scratch, "predictions.h5ad"), predicted);
                profile = "repredict";
            }
            else
            {
                return (Unverifiable($"re-predicting a `{manifest.Kind}` checkpoint is not supported by the audit (perturbation scGPT and the baselines are)"), []);
            }
            var computed = runner.Evaluate(scratch);
            return MetricJudge.Judge("D", AuditLevel.Predict, Title, inputs, computed, model, profile,
                $"{manifest.Id} re-{(profile == "repredict" ? "predicted with seed " + seed : "fitted")} ({profile})");
        }
        catch (ScReproException e)
        {
            return (new AuditCheck("D", AuditLevel.Predict, Title, CheckStatus.Fail, $"re-running {manifest.Id} failed: {e.Message}"), []);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string? TooBigForCpu(AuditInputs inputs)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(inputs.FullPath("args.json")));
        var root = doc.RootElement;
        var layers = root.TryGetProperty("nlayers", out var n) ? n.GetInt32() : 0;
        var width = root.TryGetProperty("embsize", out var e) ? e.GetInt32() : 0;
        return layers > CpuMaxLayers || width > CpuMaxWidth ? $"{layers} layers × d_model {width}" : null;
    }
}
