using ScRepro.Foundation.Errors;
using ScRepro.Models.Training;
using ScRepro.Foundation.Parameters;

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

    /// <summary>Reads a manifest's hyperparameters over the defaults (the project's one strict reader).</summary>
    public static ScbertRecipe FromHyperparameters(IReadOnlyDictionary<string, object?> map, string source)
    {
        var p = new ParameterReader(map, source, "hyperparameters");
        var d = new ScbertRecipe();
        var da = d.Architecture;
        var a = da with
        {
            PositionEmbedding = p.OneOf("position_embedding", Name(da.PositionEmbedding), "gene2vec", "random", "none") switch
            {
                "gene2vec" => PositionEmbedding.Gene2Vec,
                "random" => PositionEmbedding.Random,
                _ => PositionEmbedding.None,
            },
            NumTokens = p.Int("bin_num", da.NumTokens - 2, min: 1) + 2,
            Dim = p.Int("dim", da.Dim, min: 1),
            Depth = p.Int("depth", da.Depth, min: 1),
            Heads = p.Int("heads", da.Heads, min: 1),
            DimHead = p.Int("dim_head", da.DimHead, min: 1),
            NbFeatures = p.OptionalInt("nb_features", min: 1) ?? da.NbFeatures,
            FeatureRedrawInterval = p.Int("feature_redraw_interval", da.FeatureRedrawInterval, min: 1),
            HeadFirstHidden = p.Int("head_first_hidden", da.HeadFirstHidden, min: 1),
            HeadHidden = p.Int("head_hidden", da.HeadHidden, min: 1),
            HeadDropout = p.Double("head_dropout", da.HeadDropout, 0, 0.999),
        };
        var r = d with
        {
            Pretrained = p.String("pretrained"),
            Init = p.OneOf("init", d.Init, "pretrained", "scratch"),
            TrainableLayer = ScbertFineTuning.ParseLayer(p.OneOf("trainable_layer", "boiarsky", "upstream", "boiarsky"), source),
            Preprocess = p.OneOf("preprocess", d.Preprocess, "log2_normalise", "none"),
            BatchSize = p.Int("batch_size", d.BatchSize, min: 1),
            EvalBatchSize = p.Int("eval_batch_size", d.EvalBatchSize, min: 1),
            GradAccumulation = p.Int("grad_accumulation", d.GradAccumulation, min: 1),
            Lr = p.Double("lr", d.Lr, 1e-12, 10),
            MinLr = p.Double("min_lr", d.MinLr, 0, 10),
            FirstCycleSteps = p.Int("first_cycle_steps", d.FirstCycleSteps, min: 1),
            CycleMult = p.Double("cycle_mult", d.CycleMult, 1, 100),
            WarmupSteps = p.Int("warmup_steps", d.WarmupSteps, min: 0),
            Gamma = p.Double("gamma", d.Gamma, 1e-6, 1),
            GradClip = p.Double("grad_clip", d.GradClip, 0),
            ClassWeight = p.OneOf("class_weight", d.ClassWeight, "none", "inverse_frequency"),
            SelectionMetric = p.OneOf("selection_metric", d.SelectionMetric, "accuracy", "val_loss"),
        };
        p.Finish();
        r = r with { Architecture = a };
        if (r.WarmupSteps >= r.FirstCycleSteps)
            throw new ScReproException($"{source}: key 'hyperparameters.warmup_steps': {r.WarmupSteps} must be below first_cycle_steps {r.FirstCycleSteps}");
        if (r.Pretrained is null && r.Init == "pretrained")
            throw new ScReproException($"{source}: key 'hyperparameters.init': 'pretrained' needs hyperparameters.pretrained (a checkpoint under data/), or init: scratch");
        if (r.Pretrained is null && a.PositionEmbedding == PositionEmbedding.Gene2Vec)
            throw new ScReproException($"{source}: key 'hyperparameters.position_embedding': gene2vec rows come from a pretrained checkpoint's pos_emb.emb.weight; name one, or use random or none");
        return r;
    }

    private static string Name(PositionEmbedding e) => e switch
    {
        PositionEmbedding.Gene2Vec => "gene2vec",
        PositionEmbedding.Random => "random",
        _ => "none",
    };

    internal FineTuneSettings LoopSettings => new("scbert", "scBERT annotation", Lr, 1e-8, GradClip, Amp: false, SelectionMetric,
        ScbertFiles.BestModel, GradAccumulation);

    /// <summary>The per-epoch schedule over the loop's optimizer.</summary>
    internal ScRepro.Torch.torch.optim.lr_scheduler.LRScheduler Scheduler(ScRepro.Torch.torch.optim.Optimizer optimizer) =>
        new CosineAnnealingWarmupRestarts(optimizer, FirstCycleSteps, CycleMult, Lr, MinLr, WarmupSteps, Gamma);
}
