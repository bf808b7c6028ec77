using System.Globalization;
using ScRepro.Contracts;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.Parameters;

namespace ScRepro.Models.Scgpt.Config;

/// <summary>
/// A fine-tuning recipe: the `hyperparameters` map of a scgpt_perturbation or scgpt_annotation model manifest,
/// read strictly (an unknown key or a wrong type is one error naming the manifest and the key). Defaults are the
/// tutorials' values (spec §4.1 perturbation, §8 annotation); a manifest overrides what it sets.
/// </summary>
public sealed record ScgptRecipe
{
    /// <summary>perturbation or annotation.</summary>
    public ModelTask Task { get; init; } = ModelTask.Perturbation;

    /// <summary>Pretrained folder (args.json, vocab.json, best_model.pt) under the data folder, or null to train from scratch.</summary>
    public string? Pretrained { get; init; }

    /// <summary>"none", or "pre_decoder": freeze embedding, enc_norm and value encoder (Boiarsky et al.'s ablation).</summary>
    public string Freeze { get; init; } = "none";

    /// <summary>generator (2024) or generator2023 for perturbation; classifier for annotation.</summary>
    public ScgptVariant Variant { get; init; } = ScgptVariant.Generator;

    // Architecture when training from scratch; a pretrained folder's args.json overrides these.
    public int DModel { get; init; } = 512;
    public int NHead { get; init; } = 8;
    public int DHid { get; init; } = 512;
    public int NLayers { get; init; } = 12;
    public int NLayersCls { get; init; } = 3;

    public double Dropout { get; init; }
    public int PertPadId { get; init; }
    public double PadValue { get; init; }

    /// <summary>Perturbation: all genes ("all" in the tutorial); annotation: false (non-zero genes only).</summary>
    public bool IncludeZeroGene { get; init; } = true;
    public int MaxSeqLen { get; init; } = 1536;
    public int NBins { get; init; } = 51;
    public int BatchSize { get; init; } = 64;
    public int EvalBatchSize { get; init; } = 64;
    public double Lr { get; init; } = 1e-4;

    /// <summary>Adam eps: 1e-8 (PyTorch default) for perturbation; the annotation tutorial uses 1e-4 because of AMP.</summary>
    public double AdamEps { get; init; } = 1e-8;
    public double ScheduleGamma { get; init; } = 0.9;
    public int ScheduleInterval { get; init; } = 1;
    public double GradClip { get; init; } = 1.0;

    /// <summary>Validation metric that picks best_model.pt when the budget names no early-stopping metric.</summary>
    public string SelectionMetric { get; init; } = "pearson_delta";

    /// <summary>The tutorials' fp16 autocast + GradScaler (on by default in both); honoured on a GPU, float32 on CPU as in PyTorch (MixedPrecision).</summary>
    public bool Amp { get; init; } = true;

    /// <summary>What the shared fine-tuning loop takes from the recipe.</summary>
    internal Training.FineTuneSettings LoopSettings =>
        new("scgpt", Task.Name(), Lr, AdamEps, GradClip, Amp, SelectionMetric, Checkpoints.ScgptWeights.BestModelFile);

    /// <summary>StepLR every <see cref="ScheduleInterval"/> epochs by <see cref="ScheduleGamma"/>, as both tutorials.</summary>
    internal ScRepro.Torch.torch.optim.lr_scheduler.LRScheduler Scheduler(ScRepro.Torch.torch.optim.Optimizer optimizer) =>
        ScRepro.Torch.torch.optim.lr_scheduler.StepLR(optimizer, ScheduleInterval, ScheduleGamma);

    /// <summary>The annotation tutorial's settings (spec §8): CE on &lt;cls&gt;, binned input, pad −2, batch 32, 3001 genes.</summary>
    public static ScgptRecipe AnnotationDefaults => new()
    {
        Task = ModelTask.Annotation, Variant = ScgptVariant.Classifier, Dropout = 0.2, PadValue = -2, IncludeZeroGene = false,
        MaxSeqLen = 3001, BatchSize = 32, EvalBatchSize = 32, AdamEps = 1e-4, SelectionMetric = "val_loss",
    };

    /// <summary>Reads a manifest's hyperparameters over the task's defaults (strictly: <see cref="ParameterReader"/>).</summary>
    public static ScgptRecipe FromHyperparameters(IReadOnlyDictionary<string, object?> map, ModelTask task, string source)
    {
        var d = task == ModelTask.Annotation ? AnnotationDefaults : new ScgptRecipe();
        var p = new ParameterReader(map, source, "hyperparameters");
        const int Pos = 1, Max = int.MaxValue;
        var r = d with
        {
            Pretrained = p.String("pretrained", d.Pretrained),
            Freeze = p.OneOf("freeze", d.Freeze, "none", "pre_decoder"),
            Variant = p.Has("variant") ? ParseVariant(p.OneOf("variant", "", "generator", "generator2023", "classifier"), task, source) : d.Variant,
            DModel = p.Int("d_model", d.DModel, Pos, Max),
            NHead = p.Int("nhead", d.NHead, Pos, Max),
            DHid = p.Int("d_hid", d.DHid, Pos, Max),
            NLayers = p.Int("nlayers", d.NLayers, Pos, Max),
            NLayersCls = p.Int("nlayers_cls", d.NLayersCls, Pos, Max),
            Dropout = p.Double("dropout", d.Dropout, 0, 0.999),
            PertPadId = p.Int("pert_pad_id", d.PertPadId, 0, 2),
            PadValue = p.Double("pad_value", d.PadValue),
            IncludeZeroGene = p.Bool("include_zero_gene", d.IncludeZeroGene),
            MaxSeqLen = p.Int("max_seq_len", d.MaxSeqLen, Pos, Max),
            NBins = p.Int("n_bins", d.NBins, Pos, Max),
            BatchSize = p.Int("batch_size", d.BatchSize, Pos, Max),
            EvalBatchSize = p.Int("eval_batch_size", d.EvalBatchSize, Pos, Max),
            Lr = p.Double("lr", d.Lr, 1e-12, 10),
            AdamEps = p.Double("adam_eps", d.AdamEps, 1e-20, 1),
            ScheduleGamma = p.Double("schedule_gamma", d.ScheduleGamma, 1e-6, 1),
            ScheduleInterval = p.Int("schedule_interval", d.ScheduleInterval, Pos, Max),
            GradClip = p.Double("grad_clip", d.GradClip, 0, double.MaxValue),
            SelectionMetric = p.String("selection_metric", d.SelectionMetric)!,
            Amp = p.Bool("amp", d.Amp),
        };
        p.Finish();
        if (r.DModel % r.NHead != 0)
            throw new ScReproException($"{source}: hyperparameters: d_model {r.DModel} is not a multiple of nhead {r.NHead}");
        _ = Training.StoppingMetric.HigherIsBetter(r.SelectionMetric, source);
        return r;
    }

    /// <summary>The architecture for training from scratch with a vocab of <paramref name="nToken"/> tokens.</summary>
    public ScgptConfig ScratchConfig(int nToken, int padTokenId, int nCls = 1) => new()
    {
        Variant = Variant, NToken = nToken, DModel = DModel, NHead = NHead, DHid = DHid, NLayers = NLayers,
        NLayersCls = NLayersCls, NCls = nCls, Dropout = Dropout, PadTokenId = padTokenId, PadValue = PadValue,
        PertPadId = PertPadId, NBins = NBins, BatchNorm = Variant == ScgptVariant.Generator2023,
    };

    private static ScgptVariant ParseVariant(string s, ModelTask task, string source)
    {
        var variant = s switch { "generator" => ScgptVariant.Generator, "generator2023" => ScgptVariant.Generator2023, _ => ScgptVariant.Classifier };
        if ((variant == ScgptVariant.Classifier) != (task == ModelTask.Annotation))
            throw new ScReproException($"{source}: hyperparameters: key 'variant': '{s}' does not fit a {task.Name()} recipe");
        return variant;
    }
}
