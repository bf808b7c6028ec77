using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Models.Scbert.Checkpoints;
using ScRepro.Models.Scbert.Modules;
using ScRepro.Models.Training;
using ScRepro.Torch;
using static ScRepro.Torch.torch;

namespace ScRepro.Models.Scbert.Annotation;

/// <summary>
/// scBERT's test-set prediction, shared by the trainer (with the best epoch's weights in memory) and by anyone who
/// re-runs a fine-tuned folder (scbert_config.json, classes.json, scbert_best.pth): argmax of the logits, in cell order.
/// Nothing here draws a random number (FAVOR+ redraws only in training mode), so the labels do not depend on a seed.
/// </summary>
public static class ScbertAnnotationPredictor
{
    /// <summary>Class index of each cell by argmax of the logits (softmax is monotone; UNASSIGN_THRES is 0 in fine-tuning).</summary>
    public static int[] Predict(PerformerLM model, CellTokens cells, int batchSize, Device device) =>
        BatchedArgmax.Predict(model, cells.Count, batchSize, idx => model.forward(cells.Batch(idx, device)));

    /// <summary>The folder's architecture (scbert_config.json), for a size check before anything is loaded.</summary>
    public static ScbertConfig ReadConfig(string dir) => Json.Deserialize<ScbertConfig>(File.ReadAllText(Required(dir, ScbertFiles.Config)));

    /// <summary>
    /// Loads a fine-tuned folder strictly and labels <paramref name="rows"/> of <paramref name="data"/> as the trainer
    /// labelled its test cells (same tokens, same batch size, same argmax).
    /// </summary>
    public static string[] PredictFolder(string dir, AnnData.AnnotatedData data, IReadOnlyList<int> rows, ScbertRecipe recipe, string source)
    {
        var config = ReadConfig(dir);
        var classes = Json.Deserialize<string[]>(File.ReadAllText(Required(dir, ScbertFiles.Classes)));
        if (config.SeqLen != data.NVars + 1)
            throw new ScReproException($"{Path.Combine(dir, ScbertFiles.Config)}: seq_len {config.SeqLen} does not fit the data's {data.NVars} genes + CLS");
        using var model = new PerformerLM(config);
        ScbertFineTuning.Prepare(model, classes.Length, recipe.TrainableLayer);
        ScbertCheckpoint.Load(model, Required(dir, ScbertFiles.BestModel));
        var device = cuda.is_available() ? new Device(DeviceType.CUDA, 0) : CPU;
        model.to(device);
        var cells = CellTokens.Build(data, rows.ToArray(), config.MaxBin, recipe.Preprocess == "log2_normalise", source);
        return Predict(model, cells, recipe.EvalBatchSize, device).Select(c => classes[c]).ToArray();
    }

    private static string Required(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        return File.Exists(path) ? path : throw new ScReproException($"{path}: missing (a fine-tuned scBERT folder holds {ScbertFiles.BestModel}, {ScbertFiles.Config} and {ScbertFiles.Classes})");
    }
}
