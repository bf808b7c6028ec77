using ScRepro.Models.Training;
using ScRepro.Foundation.Random;
using ScRepro.Splits.Random;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Scgpt.Config;
using ScRepro.Models.Scgpt.Modules;
using ScRepro.Models.Scgpt.Preprocessing;
using ScRepro.Torch;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scgpt.Annotation;

/// <summary>A fine-tuned classifier folder (args.json, vocab.json, classes.json, best_model.pt) that labels cells.</summary>
public sealed class ScgptAnnotationPredictor : IDisposable
{
    private readonly TransformerModel _model;
    private readonly Device _device;

    private ScgptAnnotationPredictor(TransformerModel model, GeneVocab vocab, string[] classes, ScgptRecipe recipe)
    {
        _model = model;
        Vocab = vocab;
        Classes = classes;
        Recipe = recipe;
        _device = ScgptModelBuilder.DefaultDevice;
        _model.to(_device);
        _model.eval();
    }

    public GeneVocab Vocab { get; }
    public string[] Classes { get; }
    public ScgptRecipe Recipe { get; }

    /// <summary>Strictly loads a classifier folder written by <see cref="ScgptAnnotationTrainer"/>.</summary>
    public static ScgptAnnotationPredictor FromFolder(string dir)
    {
        var folder = PretrainedFolder.Load(dir);
        var config = folder.FineTunedConfig(folder.Args.PadValue ?? -2);
        if (config.Variant != ScgptVariant.Classifier) throw new ScReproException($"{folder.ModelPath}: not a cell-type classifier");
        var classesPath = Path.Combine(dir, ScgptAnnotationTrainer.ClassesFile);
        if (!File.Exists(classesPath)) throw new ScReproException($"{classesPath}: class names not found");
        var classes = Json.Deserialize<string[]>(File.ReadAllText(classesPath));
        if (classes.Length != config.NCls) throw new ScReproException($"{classesPath}: {classes.Length} classes but the head has {config.NCls} outputs");
        var model = new TransformerModel(config);
        ScgptWeights.Load(model, folder.StateDict, folder.Match(config, LoadMode.Strict));
        var recipe = ScgptRecipe.AnnotationDefaults with
        {
            NBins = folder.Args.NBins ?? 51, MaxSeqLen = folder.Args.MaxSeqLen ?? 3001, PadValue = folder.Args.PadValue ?? -2,
        };
        return new ScgptAnnotationPredictor(model, folder.Vocab, classes, recipe);
    }

    /// <summary>Predicted label per row of <paramref name="data"/> in <paramref name="rows"/> (binning seeded with <paramref name="seed"/>).</summary>
    public string[] Predict(AnnData.AnnotatedData data, IReadOnlyList<int> rows, string labelColumn, long seed) =>
        PredictWithProbabilities(data, rows, labelColumn, seed).Labels;

    /// <summary>
    /// The labels and, per row, the softmax of the classifier's logits over <see cref="Classes"/> (the label is its
    /// argmax, as scGPT's tutorial takes it).
    /// </summary>
    public (string[] Labels, double[][] Probabilities) PredictWithProbabilities(AnnData.AnnotatedData data, IReadOnlyList<int> rows,
        string labelColumn, long seed)
    {
        var view = new ScgptConfigView(Recipe.NBins, Recipe.IncludeZeroGene, Recipe.MaxSeqLen, (float)Recipe.PadValue);
        var inputs = AnnotationInputs.Build(data, rows, labelColumn, Classes, Vocab, view, Seeds.Derive(seed, SeedPurposes.TestInputs), "data");
        var result = new List<string>(rows.Count);
        var probabilities = new List<double[]>(rows.Count);
        using (no_grad())
        {
            foreach (var (batch, _) in Batches(inputs, Recipe.EvalBatchSize, Recipe.MaxSeqLen, Vocab.PadId, view.PadValue, Seeds.Derive(seed, SeedPurposes.TestBatches)))
            {
                using var scope = NewDisposeScope();
                var (src, values, mask) = ToTensors(batch, _device);
                var logits = _model.forward(src, values, mask);
                result.AddRange(logits.argmax(1).cpu().data<long>().Select(i => Classes[i]));
                // in float32 whatever precision the logits came in (fp16 under autocast on CUDA)
                var p = logits.softmax(1, ScalarType.Float32).cpu().data<float>();
                for (var r = 0; r < p.Length / Classes.Length; r++)
                    probabilities.Add(p.AsSpan(r * Classes.Length, Classes.Length).ToArray().Select(v => (double)v).ToArray());
            }
        }
        return ([.. result], [.. probabilities]);
    }

    /// <summary>Records in the unit's ledger the streams a prediction with its seed derives (the card lists them).</summary>
    public static void RecordSeeds(SeedLedger seeds)
    {
        seeds.Derive(SeedPurposes.TestInputs);
        seeds.Derive(SeedPurposes.TestBatches);
    }

    /// <summary>Pads the whole set to one length (min(longest cell, max_len)) batch by batch, in cell order.</summary>
    internal static List<(TokenizedBatch Batch, long[] Labels)> Batches(AnnotationInputs inputs, int batchSize, int maxLen, int padId, float padValue, long seed)
    {
        var rng = new NumpyRandomState(seed & 0xffffffff);
        var length = inputs.PaddedLength(maxLen);
        var batches = new List<(TokenizedBatch, long[])>();
        for (var start = 0; start < inputs.Cells.Count; start += batchSize)
        {
            var cells = inputs.Cells.Skip(start).Take(batchSize).ToList();
            var labels = inputs.Labels.Skip(start).Take(batchSize).Select(l => (long)l).ToArray();
            batches.Add((CellTokenizer.Pad(cells, maxLen, padId, padValue, rng, length), labels));
        }
        return batches;
    }

    internal static (Tensor Src, Tensor Values, Tensor Mask) ToTensors(TokenizedBatch b, Device device)
    {
        long[] shape = [b.BatchSize, b.Length];
        return (tensor(b.GeneIds, shape, ScalarType.Int64).to(device), tensor(b.Values, shape, ScalarType.Float32).to(device),
            tensor(b.PaddingMask, shape, ScalarType.Bool).to(device));
    }

    /// <summary>Mean cross-entropy and accuracy over labelled cells.</summary>
    internal static (double Loss, double Accuracy) Evaluate(TransformerModel model, List<(TokenizedBatch Batch, long[] Labels)> batches, Device device)
    {
        var wasTraining = model.training;
        model.eval();
        double loss = 0;
        long correct = 0, n = 0;
        using (no_grad())
        {
            foreach (var (batch, labels) in batches)
            {
                using var scope = NewDisposeScope();
                var (src, values, mask) = ToTensors(batch, device);
                var logits = model.forward(src, values, mask);
                var y = tensor(labels, [labels.Length], ScalarType.Int64).to(device);
                loss += nn.functional.cross_entropy(logits, y, ignore_index: -1).item<float>() * labels.Length;
                correct += logits.argmax(1).eq(y).sum().item<long>();
                n += labels.Length;
            }
        }
        model.train(wasTraining);
        return (loss / Math.Max(n, 1), (double)correct / Math.Max(n, 1));
    }

    public void Dispose() => _model.Dispose();
}
