using ScRepro.Foundation.Errors;
using ScRepro.Models.Geneformer.Tokenization;
using ScRepro.Models.Training;
using ScRepro.Foundation.Parameters;

namespace ScRepro.Models.Geneformer;

/// <summary>
/// The `hyperparameters` of a geneformer_annotation manifest, read strictly. Defaults are the 2025 Classifier's cell
/// classifier (annotation-models.md §3.4): AdamW lr 5e-5 with weight decay 0.001, linear schedule with 500 warm-up
/// steps (the 6-layer setting), batch 12, freeze_layers 0, best epoch by validation loss (load_best_model_at_end).
/// </summary>
public sealed record GeneformerRecipe
{
    /// <summary>A folder under data/ with config.json and model.safetensors or pytorch_model.bin; null: random weights.</summary>
    public string? Pretrained { get; init; }

    /// <summary>token_dictionary.pkl and gene_median_dictionary.pkl under data/; null: built from the training cells (see <see cref="CorpusDictionaries"/>).</summary>
    public string? TokenDictionary { get; init; }
    public string? MedianDictionary { get; init; }

    /// <summary>A str → str pickle under data/ applied to the var ids first (gene_name_id_dict.pkl maps symbols to Ensembl ids; V2's ensembl_mapping_dict collapses ids); null: none.</summary>
    public string? GeneMapping { get; init; }

    public GeneformerVersion Version { get; init; } = GeneformerVersion.V1;

    /// <summary>var column with Ensembl ids (Geneformer's ensembl_id); null: the var names.</summary>
    public string? EnsemblIdColumn { get; init; } = "ensembl_id";

    /// <summary>Architecture when training from random weights (a pretrained folder's config.json decides otherwise).</summary>
    public GeneformerConfig Scratch { get; init; } = GeneformerConfig.V1_10M;

    public int? ModelInputSize { get; init; }
    public int FreezeLayers { get; init; }
    public int BatchSize { get; init; } = 12;
    public int EvalBatchSize { get; init; } = 100;
    public double Lr { get; init; } = 5e-5;
    public double WeightDecay { get; init; } = 0.001;
    public int WarmupSteps { get; init; } = 500;
    public string SelectionMetric { get; init; } = "val_loss";

    /// <summary>Reads a manifest's hyperparameters over the defaults (the project's one strict reader).</summary>
    public static GeneformerRecipe FromHyperparameters(IReadOnlyDictionary<string, object?> map, string source)
    {
        var p = new ParameterReader(map, source, "hyperparameters");
        var d = new GeneformerRecipe();
        var dropout = p.OptionalDouble("dropout", 0, 0.999);
        var c = d.Scratch with
        {
            HiddenSize = p.Int("hidden_size", d.Scratch.HiddenSize, min: 1),
            NumHiddenLayers = p.Int("num_hidden_layers", d.Scratch.NumHiddenLayers, min: 1),
            NumAttentionHeads = p.Int("num_attention_heads", d.Scratch.NumAttentionHeads, min: 1),
            IntermediateSize = p.Int("intermediate_size", d.Scratch.IntermediateSize, min: 1),
            HiddenDropoutProb = dropout ?? d.Scratch.HiddenDropoutProb,
            AttentionProbsDropoutProb = dropout ?? d.Scratch.AttentionProbsDropoutProb,
        };
        var r = d with
        {
            Pretrained = p.String("pretrained"),
            TokenDictionary = p.String("token_dictionary"),
            MedianDictionary = p.String("gene_median_dictionary"),
            GeneMapping = p.String("gene_mapping"),
            Version = p.OneOf("version", "V1", "V1", "V2") == "V1" ? GeneformerVersion.V1 : GeneformerVersion.V2,
            EnsemblIdColumn = p.Has("ensembl_id_column") ? p.String("ensembl_id_column") : d.EnsemblIdColumn,
            ModelInputSize = p.OptionalInt("model_input_size", min: 1) ?? d.ModelInputSize,
            FreezeLayers = p.Int("freeze_layers", d.FreezeLayers, 0, 1000),
            BatchSize = p.Int("batch_size", d.BatchSize, min: 1),
            EvalBatchSize = p.Int("eval_batch_size", d.EvalBatchSize, min: 1),
            Lr = p.Double("lr", d.Lr, 1e-12, 10),
            WeightDecay = p.Double("weight_decay", d.WeightDecay, 0, 1),
            WarmupSteps = p.Int("warmup_steps", d.WarmupSteps, min: 0),
            SelectionMetric = p.OneOf("selection_metric", d.SelectionMetric, "val_loss", "accuracy"),
        };
        p.Finish();
        if (c.HiddenSize % c.NumAttentionHeads != 0)
            throw new ScReproException($"{source}: key 'hyperparameters.hidden_size': {c.HiddenSize} is not a multiple of num_attention_heads {c.NumAttentionHeads}");
        if ((r.TokenDictionary is null) != (r.MedianDictionary is null))
            throw new ScReproException($"{source}: key 'hyperparameters.token_dictionary': name both dictionaries (token_dictionary and gene_median_dictionary) or neither");
        if (r.Pretrained is not null && r.TokenDictionary is null)
            throw new ScReproException($"{source}: key 'hyperparameters.token_dictionary': a pretrained model needs the token and median dictionaries it was trained with");
        return r with { Scratch = c };
    }

    internal FineTuneSettings LoopSettings(int totalSteps) => new("geneformer", "Geneformer annotation", Lr, 1e-8, GradClip: 1.0, Amp: false,
        SelectionMetric, GeneformerFiles.BestModel, WeightDecay: WeightDecay,
        StepLrFactor: new LinearWarmupSchedule(WarmupSteps, totalSteps).Factor);
}
