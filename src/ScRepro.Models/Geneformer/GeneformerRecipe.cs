using ScRepro.Foundation.Errors;
using ScRepro.Models.Geneformer.Tokenization;
using ScRepro.Models.Training;
using static ScRepro.Models.Training.RecipeValue;

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

    public static GeneformerRecipe FromHyperparameters(IReadOnlyDictionary<string, object?> map, string source)
    {
        var r = new GeneformerRecipe();
        var c = r.Scratch;
        foreach (var (key, v) in map)
        {
            switch (key)
            {
                case "pretrained": r = r with { Pretrained = TextOrNull(v, key, source) }; break;
                case "token_dictionary": r = r with { TokenDictionary = TextOrNull(v, key, source) }; break;
                case "gene_median_dictionary": r = r with { MedianDictionary = TextOrNull(v, key, source) }; break;
                case "gene_mapping": r = r with { GeneMapping = TextOrNull(v, key, source) }; break;
                case "version": r = r with { Version = Choice(v, key, source, "V1", "V2") == "V1" ? GeneformerVersion.V1 : GeneformerVersion.V2 }; break;
                case "ensembl_id_column": r = r with { EnsemblIdColumn = TextOrNull(v, key, source) }; break;
                case "hidden_size": c = c with { HiddenSize = Positive(v, key, source) }; break;
                case "num_hidden_layers": c = c with { NumHiddenLayers = Positive(v, key, source) }; break;
                case "num_attention_heads": c = c with { NumAttentionHeads = Positive(v, key, source) }; break;
                case "intermediate_size": c = c with { IntermediateSize = Positive(v, key, source) }; break;
                case "dropout": c = c with { HiddenDropoutProb = InRange(v, key, source, 0, 0.999), AttentionProbsDropoutProb = InRange(v, key, source, 0, 0.999) }; break;
                case "model_input_size": r = r with { ModelInputSize = Positive(v, key, source) }; break;
                case "freeze_layers": r = r with { FreezeLayers = (int)InRange(v, key, source, 0, 1000) }; break;
                case "batch_size": r = r with { BatchSize = Positive(v, key, source) }; break;
                case "eval_batch_size": r = r with { EvalBatchSize = Positive(v, key, source) }; break;
                case "lr": r = r with { Lr = InRange(v, key, source, 1e-12, 10) }; break;
                case "weight_decay": r = r with { WeightDecay = InRange(v, key, source, 0, 1) }; break;
                case "warmup_steps": r = r with { WarmupSteps = (int)InRange(v, key, source, 0, int.MaxValue) }; break;
                case "selection_metric": r = r with { SelectionMetric = Choice(v, key, source, "val_loss", "accuracy") }; break;
                default: throw new ScReproException($"{source}: key 'hyperparameters.{key}': unknown key for a Geneformer recipe");
            }
        }
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
