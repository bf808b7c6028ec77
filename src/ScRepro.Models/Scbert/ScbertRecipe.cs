using ScRepro.Foundation.Errors;
using ScRepro.Models.Training;
using static ScRepro.Models.Training.RecipeValue;

namespace ScRepro.Models.Scbert;

/// <summary>
/// The `hyperparameters` of an scbert_annotation manifest, read strictly. Defaults are Boiarsky et al.'s
/// dist_finetune.py run (annotation-models.md §1.4: batch 32, no accumulation, layers[-1], CE weighted by 1/count
/// over the whole data set) on scBERT's optimiser and schedule (§2.4: Adam 1e-4, CosineAnnealingWarmupRestarts(15, 2,
/// 1e-4, 1e-6, 5, 0.9) per epoch, clip 1e6); upstream's finetune.py is trainable_layer upstream, batch 3,
/// grad_accumulation 60, class_weight none. Best epoch by validation accuracy, as both scripts.
/// </summary>
public sealed record ScbertRecipe
{
    /// <summary>A scBERT checkpoint (panglao_pretrain.pth-shaped) under data/, or null.</summary>
    public string? Pretrained { get; init; }

    /// <summary>pretrained: every weight from the checkpoint; scratch: random weights, only the position rows (gene2vec) from the checkpoint when one is named (Boiarsky's no-pretraining ablation).</summary>
    public string Init { get; init; } = "pretrained";

    public ScbertConfig Architecture { get; init; } = ScbertConfig.Panglao;

    public TrainableLayer TrainableLayer { get; init; } = TrainableLayer.Boiarsky;

    /// <summary>log2_normalise (scBERT's preprocess.py: normalize_total 1e4, log2(1+x)) or none (X is already that, as Zheng68K.h5ad).</summary>
    public string Preprocess { get; init; } = "none";

    public int BatchSize { get; init; } = 32;
    public int EvalBatchSize { get; init; } = 32;
    public int GradAccumulation { get; init; } = 1;
    public double Lr { get; init; } = 1e-4;
    public double MinLr { get; init; } = 1e-6;
    public int FirstCycleSteps { get; init; } = 15;
    public double CycleMult { get; init; } = 2;
    public int WarmupSteps { get; init; } = 5;
    public double Gamma { get; init; } = 0.9;
    public double GradClip { get; init; } = 1e6;

    /// <summary>none (finetune.py) or inverse_frequency (dist_finetune.py: weight 1/count per class over every cell of the data).</summary>
    public string ClassWeight { get; init; } = "inverse_frequency";

    public string SelectionMetric { get; init; } = "accuracy";

    /// <summary>Reads a manifest's hyperparameters over the defaults.</summary>
    public static ScbertRecipe FromHyperparameters(IReadOnlyDictionary<string, object?> map, string source)
    {
        var r = new ScbertRecipe();
        var a = r.Architecture;
        foreach (var (key, v) in map)
        {
            switch (key)
            {
                case "pretrained": r = r with { Pretrained = TextOrNull(v, key, source) }; break;
                case "init": r = r with { Init = Choice(v, key, source, "pretrained", "scratch") }; break;
                case "position_embedding":
                    a = a with { PositionEmbedding = Choice(v, key, source, "gene2vec", "random", "none") switch
                    {
                        "gene2vec" => PositionEmbedding.Gene2Vec,
                        "random" => PositionEmbedding.Random,
                        _ => PositionEmbedding.None,
                    } };
                    break;
                case "bin_num": a = a with { NumTokens = Positive(v, key, source) + 2 }; break;
                case "dim": a = a with { Dim = Positive(v, key, source) }; break;
                case "depth": a = a with { Depth = Positive(v, key, source) }; break;
                case "heads": a = a with { Heads = Positive(v, key, source) }; break;
                case "dim_head": a = a with { DimHead = Positive(v, key, source) }; break;
                case "nb_features": a = a with { NbFeatures = Positive(v, key, source) }; break;
                case "feature_redraw_interval": a = a with { FeatureRedrawInterval = Positive(v, key, source) }; break;
                case "head_first_hidden": a = a with { HeadFirstHidden = Positive(v, key, source) }; break;
                case "head_hidden": a = a with { HeadHidden = Positive(v, key, source) }; break;
                case "head_dropout": a = a with { HeadDropout = InRange(v, key, source, 0, 0.999) }; break;
                case "trainable_layer": r = r with { TrainableLayer = ScbertFineTuning.ParseLayer(Choice(v, key, source, "upstream", "boiarsky"), source) }; break;
                case "preprocess": r = r with { Preprocess = Choice(v, key, source, "log2_normalise", "none") }; break;
                case "batch_size": r = r with { BatchSize = Positive(v, key, source) }; break;
                case "eval_batch_size": r = r with { EvalBatchSize = Positive(v, key, source) }; break;
                case "grad_accumulation": r = r with { GradAccumulation = Positive(v, key, source) }; break;
                case "lr": r = r with { Lr = InRange(v, key, source, 1e-12, 10) }; break;
                case "min_lr": r = r with { MinLr = InRange(v, key, source, 0, 10) }; break;
                case "first_cycle_steps": r = r with { FirstCycleSteps = Positive(v, key, source) }; break;
                case "cycle_mult": r = r with { CycleMult = InRange(v, key, source, 1, 100) }; break;
                case "warmup_steps": r = r with { WarmupSteps = (int)InRange(v, key, source, 0, int.MaxValue) }; break;
                case "gamma": r = r with { Gamma = InRange(v, key, source, 1e-6, 1) }; break;
                case "grad_clip": r = r with { GradClip = InRange(v, key, source, 0, double.MaxValue) }; break;
                case "class_weight": r = r with { ClassWeight = Choice(v, key, source, "none", "inverse_frequency") }; break;
                case "selection_metric": r = r with { SelectionMetric = Choice(v, key, source, "accuracy", "val_loss") }; break;
                default: throw new ScReproException($"{source}: key 'hyperparameters.{key}': unknown key for an scBERT recipe");
            }
        }
        r = r with { Architecture = a };
        if (r.WarmupSteps >= r.FirstCycleSteps)
            throw new ScReproException($"{source}: key 'hyperparameters.warmup_steps': {r.WarmupSteps} must be below first_cycle_steps {r.FirstCycleSteps}");
        if (r.Pretrained is null && r.Init == "pretrained")
            throw new ScReproException($"{source}: key 'hyperparameters.init': 'pretrained' needs hyperparameters.pretrained (a checkpoint under data/), or init: scratch");
        if (r.Pretrained is null && a.PositionEmbedding == PositionEmbedding.Gene2Vec)
            throw new ScReproException($"{source}: key 'hyperparameters.position_embedding': gene2vec rows come from a pretrained checkpoint's pos_emb.emb.weight; name one, or use random or none");
        return r;
    }

    internal FineTuneSettings LoopSettings => new("scbert", "scBERT annotation", Lr, 1e-8, GradClip, Amp: false, SelectionMetric,
        ScbertFiles.BestModel, GradAccumulation);

    /// <summary>The per-epoch schedule over the loop's optimizer.</summary>
    internal ScRepro.Torch.torch.optim.lr_scheduler.LRScheduler Scheduler(ScRepro.Torch.torch.optim.Optimizer optimizer) =>
        new CosineAnnealingWarmupRestarts(optimizer, FirstCycleSteps, CycleMult, Lr, MinLr, WarmupSteps, Gamma);
}
