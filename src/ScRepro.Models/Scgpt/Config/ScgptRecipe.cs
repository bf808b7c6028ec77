using System.Globalization;
using ScRepro.Foundation.Errors;

namespace ScRepro.Models.Scgpt.Config;

/// <summary>
/// A fine-tuning recipe: the `hyperparameters` map of a scgpt_perturbation or scgpt_annotation model manifest,
/// read strictly (an unknown key or a wrong type is one error naming the manifest and the key). Defaults are the
/// tutorials' values (spec §4.1 perturbation, §8 annotation); a manifest overrides what it sets.
/// </summary>
public sealed record ScgptRecipe
{
    /// <summary>perturbation or annotation.</summary>
    public string Task { get; init; } = "perturbation";

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

    /// <summary>The annotation tutorial's settings (spec §8): CE on &lt;cls&gt;, binned input, pad −2, batch 32, 3001 genes.</summary>
    public static ScgptRecipe AnnotationDefaults => new()
    {
        Task = "annotation", Variant = ScgptVariant.Classifier, Dropout = 0.2, PadValue = -2, IncludeZeroGene = false,
        MaxSeqLen = 3001, BatchSize = 32, EvalBatchSize = 32, AdamEps = 1e-4, SelectionMetric = "val_loss",
    };

    /// <summary>Reads a manifest's hyperparameters over the task's defaults.</summary>
    public static ScgptRecipe FromHyperparameters(IReadOnlyDictionary<string, object?> map, string task, string source)
    {
        var r = task switch
        {
            "perturbation" => new ScgptRecipe(),
            "annotation" => AnnotationDefaults,
            _ => throw new ScReproException($"{source}: key 'task': scGPT recipes are perturbation or annotation, not '{task}'"),
        };
        foreach (var (key, value) in map)
        {
            r = key switch
            {
                "pretrained" => r with { Pretrained = OptString(value, key, source) },
                "freeze" => r with { Freeze = OneOf(value, key, source, "none", "pre_decoder") },
                "variant" => r with { Variant = ParseVariant(value, task, source) },
                "d_model" => r with { DModel = PosInt(value, key, source) },
                "nhead" => r with { NHead = PosInt(value, key, source) },
                "d_hid" => r with { DHid = PosInt(value, key, source) },
                "nlayers" => r with { NLayers = PosInt(value, key, source) },
                "nlayers_cls" => r with { NLayersCls = PosInt(value, key, source) },
                "dropout" => r with { Dropout = Number(value, key, source, 0, 0.999) },
                "pert_pad_id" => r with { PertPadId = (int)Number(value, key, source, 0, 2) },
                "pad_value" => r with { PadValue = Number(value, key, source, double.MinValue, double.MaxValue) },
                "include_zero_gene" => r with { IncludeZeroGene = Bool(value, key, source) },
                "max_seq_len" => r with { MaxSeqLen = PosInt(value, key, source) },
                "n_bins" => r with { NBins = PosInt(value, key, source) },
                "batch_size" => r with { BatchSize = PosInt(value, key, source) },
                "eval_batch_size" => r with { EvalBatchSize = PosInt(value, key, source) },
                "lr" => r with { Lr = Number(value, key, source, 1e-12, 10) },
                "adam_eps" => r with { AdamEps = Number(value, key, source, 1e-20, 1) },
                "schedule_gamma" => r with { ScheduleGamma = Number(value, key, source, 1e-6, 1) },
                "schedule_interval" => r with { ScheduleInterval = PosInt(value, key, source) },
                "grad_clip" => r with { GradClip = Number(value, key, source, 0, double.MaxValue) },
                "selection_metric" => r with { SelectionMetric = OptString(value, key, source) ?? r.SelectionMetric },
                "amp" => r with { Amp = Bool(value, key, source) },
                _ => throw new ScReproException($"{source}: hyperparameters: unknown key '{key}' for an scGPT {task} recipe"),
            };
        }
        if (r.DModel % r.NHead != 0)
            throw new ScReproException($"{source}: hyperparameters: d_model {r.DModel} is not a multiple of nhead {r.NHead}");
        _ = Training.MetricDirection.HigherIsBetter(r.SelectionMetric, source);
        return r;
    }

    /// <summary>The architecture for training from scratch with a vocab of <paramref name="nToken"/> tokens.</summary>
    public ScgptConfig ScratchConfig(int nToken, int padTokenId, int nCls = 1) => new()
    {
        Variant = Variant, NToken = nToken, DModel = DModel, NHead = NHead, DHid = DHid, NLayers = NLayers,
        NLayersCls = NLayersCls, NCls = nCls, Dropout = Dropout, PadTokenId = padTokenId, PadValue = PadValue,
        PertPadId = PertPadId, NBins = NBins, BatchNorm = Variant == ScgptVariant.Generator2023,
    };

    private static ScgptVariant ParseVariant(object? v, string task, string source)
    {
        var s = OneOf(v, "variant", source, "generator", "generator2023", "classifier");
        var variant = s switch { "generator" => ScgptVariant.Generator, "generator2023" => ScgptVariant.Generator2023, _ => ScgptVariant.Classifier };
        if ((variant == ScgptVariant.Classifier) != (task == "annotation"))
            throw new ScReproException($"{source}: hyperparameters: key 'variant': '{s}' does not fit a {task} recipe");
        return variant;
    }

    private static string OneOf(object? v, string key, string source, params string[] allowed) =>
        v is string s && allowed.Contains(s) ? s
        : throw new ScReproException($"{source}: hyperparameters: key '{key}' must be one of {string.Join(", ", allowed)}, got '{v}'");

    private static string? OptString(object? v, string key, string source) => v switch
    {
        null => null,
        string s => s,
        _ => throw new ScReproException($"{source}: hyperparameters: key '{key}' must be a string or null, got '{v}'"),
    };

    private static bool Bool(object? v, string key, string source) =>
        v as bool? ?? throw new ScReproException($"{source}: hyperparameters: key '{key}' must be true or false, got '{v}'");

    private static int PosInt(object? v, string key, string source) =>
        v is long l and > 0 and <= int.MaxValue ? (int)l
        : throw new ScReproException($"{source}: hyperparameters: key '{key}' must be a positive integer, got '{v}'");

    private static double Number(object? v, string key, string source, double min, double max)
    {
        double? d = v switch { long l => l, double x => x, _ => null };
        if (d is null || double.IsNaN(d.Value) || d < min || d > max)
            throw new ScReproException($"{source}: hyperparameters: key '{key}' must be a number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}], got '{v}'");
        return d.Value;
    }
}
