using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Foundation.Random;
using ScRepro.Models.Geneformer.Modules;
using ScRepro.Models.Scgpt.Checkpoints;
using ScRepro.Models.Training;
using ScRepro.Torch;
using ScRepro.Torch.Serialization;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Geneformer.Annotation;

/// <summary>
/// Geneformer's test-set prediction, shared by the trainer (best weights in memory) and by re-running a fine-tuned
/// folder (config.json, classes.json, model.safetensors): argmax of the logits in cell order. The tokens come from the
/// same dictionaries the run used; built ones are rebuilt from the same training cells (the split, less the seeded
/// validation hold-out), so the seed matters only through which cells those are.
/// </summary>
public static class GeneformerAnnotationPredictor
{
    public static int[] Predict(BertForSequenceClassification model, RankedCells cells, int batchSize, Device device) =>
        BatchedArgmax.Predict(model, cells.Count, batchSize, idx =>
        {
            var (ids, mask) = cells.Batch(idx, device);
            return model.forward(ids, mask);
        });

    /// <summary>The folder's architecture (config.json), for a size check before anything is loaded.</summary>
    public static GeneformerConfig ReadConfig(string dir) => GeneformerConfig.Read(Required(dir, GeneformerFiles.Config));

    /// <summary>Copies a safetensors state dict into <paramref name="model"/> (every tensor it names must exist there).</summary>
    public static void LoadSafeTensors(nn.Module model, string path)
    {
        using var _ = no_grad();
        var own = model.state_dict();
        foreach (var (k, v) in TorchCheckpoint.ReadStateDict(path))
        {
            using var scope = NewDisposeScope();
            if (!own.TryGetValue(k, out var target)) throw new ScReproException($"{path}: tensor '{k}' is not a parameter of the model");
            target.copy_(TensorBridge.ToTensor(v).to(target.dtype, target.device));
        }
    }

    /// <summary>
    /// Labels the test cells of <paramref name="request"/> (the request the unit was trained with; its OutputDir is the
    /// fine-tuned folder) as the trainer labelled them.
    /// </summary>
    public static string[] PredictFolder(GeneformerTrainRequest request)
    {
        var dir = request.OutputDir;
        var config = ReadConfig(dir);
        var classes = Json.Deserialize<string[]>(File.ReadAllText(Required(dir, GeneformerFiles.Classes)));
        var cells = new AnnotationCells(request.Data, request.LabelColumn, request.TrainCells, request.ValCells, request.TestCells,
            new SeedLedger(request.Seed), request.Source);
        var vocab = GeneformerInputs.Read(request, cells.TrainRows);
        var (tokenizer, _) = GeneformerInputs.Tokenizer(request, vocab, config);
        using var model = new BertForSequenceClassification(config, classes.Length);
        LoadSafeTensors(model, Required(dir, GeneformerFiles.BestModel));
        var device = cuda.is_available() ? new Device(DeviceType.CUDA, 0) : CPU;
        model.to(device);
        var test = RankedCells.Build(request.Data, cells.TestRows, tokenizer, vocab.GeneIds, request.Source);
        return Predict(model, test, request.Recipe.EvalBatchSize, device).Select(c => classes[c]).ToArray();
    }

    private static string Required(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        return File.Exists(path) ? path : throw new ScReproException($"{path}: missing (a fine-tuned Geneformer folder holds {GeneformerFiles.BestModel}, {GeneformerFiles.Config} and {GeneformerFiles.Classes})");
    }
}
