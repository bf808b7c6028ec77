using ScRepro.Models.Training;
using ScRepro.Foundation.Random;
using ScRepro.Splits.Random;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Modules;
using ScRepro.Models.Scgpt.Preprocessing;
using ScRepro.Torch;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Perturbation;

/// <summary>
/// A fine-tuned TransformerGenerator that predicts perturbed cells as scGPT's pred_perturb does: each cell of a
/// condition is predicted from a randomly drawn control cell with the condition's genes flagged, over all genes.
/// </summary>
public sealed class ScgptPerturbationPredictor : IDisposable
{
    private readonly TransformerGenerator _model;
    private readonly Device _device;

    public ScgptPerturbationPredictor(TransformerGenerator model, GeneVocab vocab, string conditionColumn, LoadReport? report = null)
    {
        _model = model;
        Vocab = vocab;
        ConditionColumn = conditionColumn;
        Report = report;
        _device = ScgptModelBuilder.DefaultDevice;
        _model.to(_device);
        _model.eval();
    }

    public GeneVocab Vocab { get; }
    public string ConditionColumn { get; }

    /// <summary>How the weights were loaded (attention layout for the card), when read from a folder.</summary>
    public LoadReport? Report { get; }

    public ScgptConfig Config => _model.Config;

    /// <summary>Strictly loads a best_model.pt written for <paramref name="config"/>.</summary>
    public static ScgptPerturbationPredictor Load(string bestModelPath, ScgptConfig config, GeneVocab vocab, string conditionColumn)
    {
        var sd = Torch.Serialization.TorchCheckpoint.ReadStateDict(bestModelPath);
        var model = new TransformerGenerator(config);
        var report = StateDictMatcher.Match(sd.Select(kv => new KeyValuePair<string, long[]>(kv.Key, kv.Value.Shape.ToArray())).ToList(),
            ScgptParameters.For(config), LoadMode.Strict, bestModelPath);
        ScgptWeights.Load(model, sd, report);
        return new ScgptPerturbationPredictor(model, vocab, conditionColumn, report);
    }

    /// <summary>Loads a fine-tuned model folder (args.json, vocab.json, best_model.pt), e.g. a published checkpoint.</summary>
    public static ScgptPerturbationPredictor FromFolder(string dir, string conditionColumn, double padValue = 0, int pertPadId = 0)
    {
        var folder = PretrainedFolder.Load(dir);
        var config = folder.FineTunedConfig(padValue, pertPadId);
        if (config.Variant == ScgptVariant.Classifier)
            throw new ScReproException($"{folder.ModelPath}: holds a cell-type classifier, not a perturbation model");
        var report = folder.Match(config, LoadMode.Strict);
        var model = new TransformerGenerator(config);
        ScgptWeights.Load(model, folder.StateDict, report);
        return new ScgptPerturbationPredictor(model, folder.Vocab, conditionColumn, report);
    }

    /// <summary>
    /// A predicted AnnData for <paramref name="conditions"/>: for each, as many rows as the data has cells of it, each
    /// predicted from a seeded random control cell. Rows of the control label are the real control cells (the
    /// reference evaluation compares against). obs[condition column] holds the condition; var is the data's genes.
    /// The network's output is unbounded, and a log1p expression below zero is not one: cell-eval refuses log-normalised
    /// X with a negative value (cell-eval-metrics.md §2.2), so predicted values are clipped at 0, as State's
    /// `tx predict` clips to [0, 14] before it evaluates. Validation during training sees the raw outputs.
    /// </summary>
    public AnnData.AnnotatedData Predict(PerturbationDataset data, IReadOnlyList<string> conditions, long seed, int batchSize = 64)
    {
        var rng = new NumpyRandomState(Seeds.Derive(seed, SeedPurposes.PredictControlPairs));
        var geneIds = Vocab.MapGenes(data.Genes).Ids;
        var rows = new List<float[]>();
        var labels = new List<string>();
        foreach (var condition in conditions.Distinct(StringComparer.Ordinal))
        {
            if (condition == data.ControlLabel)
            {
                var ctrl = data.X.ToDense(data.ControlCells);
                for (var i = 0; i < ctrl.Rows; i++) { rows.Add(ctrl.Row(i).ToArray()); labels.Add(condition); }
                continue;
            }
            var pairs = data.Pairs(new HashSet<string> { condition }, rng);
            if (pairs.Count == 0) throw new ScReproException($"condition '{condition}' has no cells in obs['{ConditionColumn}']");
            foreach (var p in PredictCells(_model, data, pairs, geneIds, batchSize, _device))
            {
                for (var g = 0; g < p.Length; g++) p[g] = Math.Max(p[g], 0f);
                rows.Add(p);
                labels.Add(condition);
            }
        }
        var x = new DenseMatrix(rows.Count, data.NGenes);
        for (var i = 0; i < rows.Count; i++) rows[i].CopyTo(x.Row(i));
        var obs = new DataFrame(Enumerable.Range(0, rows.Count).Select(i => $"pred{i:D6}").ToArray());
        obs.Add(new StringColumn(ConditionColumn, labels.Select(l => (string?)l).ToArray()));
        var var = new DataFrame((string[])data.Genes.Clone());
        var.Add(new StringColumn("gene_name", data.Genes.Select(g => (string?)g).ToArray()));
        return new AnnData.AnnotatedData(x, obs, var);
    }

    /// <summary>Predictions for the pairs' targets, all genes, in eval mode without gradients.</summary>
    internal static List<float[]> PredictCells(TransformerGenerator model, PerturbationDataset data, IReadOnlyList<CellPair> pairs,
        IReadOnlyList<int> geneIds, int batchSize, Device device)
    {
        var wasTraining = model.training;
        model.eval();
        var all = Enumerable.Range(0, data.NGenes).ToArray();
        // pred_perturb runs all genes with no 1536 cap; without flash attention the (B, heads, S, S) fp32 scores of
        // Norman's 5,045 genes at B 64 would take ~52 GB per layer (spec §4.5), so the batch is cut to keep them near 4 GB.
        var perCell = (double)model.Config.NHead * data.NGenes * data.NGenes * 4;
        batchSize = (int)Math.Clamp(Math.Floor(4e9 / perCell), 1, batchSize);
        var result = new List<float[]>(pairs.Count);
        using (no_grad())
        {
            for (var start = 0; start < pairs.Count; start += batchSize)
            {
                var chunk = pairs.Skip(start).Take(batchSize).ToList();
                var batch = PerturbationBatch.Build(data, chunk, all, geneIds);
                using var scope = NewDisposeScope();
                var (src, values, flags, _) = ScgptPerturbationTrainer.ToTensors(batch, device);
                var flat = model.forward(src, values, flags).cpu().data<float>();
                for (var r = 0; r < chunk.Count; r++) result.Add(flat.AsSpan(r * data.NGenes, data.NGenes).ToArray());
            }
        }
        model.train(wasTraining);
        return result;
    }

    public void Dispose() => _model.Dispose();
}
