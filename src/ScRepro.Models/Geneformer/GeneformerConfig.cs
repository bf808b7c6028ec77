using System.Text.Json;
using System.Text.Json.Serialization;
using ScRepro.Foundation.IO;
using ScRepro.Foundation.Errors;

namespace ScRepro.Models.Geneformer;

/// <summary>
/// The HF BertConfig fields Geneformer's models use (scale-gpu-models.md §3.2, annotation-models.md §3.3): absolute
/// positions, token type 0 only, post-LayerNorm layers with ReLU, eps 1e-12, pad id 0.
/// </summary>
public sealed record GeneformerConfig(
    int VocabSize,
    int HiddenSize,
    int NumHiddenLayers,
    int NumAttentionHeads,
    int IntermediateSize,
    int MaxPositionEmbeddings,
    double HiddenDropoutProb,
    double AttentionProbsDropoutProb,
    int TypeVocabSize = 2,
    double LayerNormEps = 1e-12,
    int PadTokenId = 0,
    double? ClassifierDropout = null)
{
    /// <summary>Geneformer-V1-10M (the 2022 root config.json, formerly gf-6L-30M-i2048).</summary>
    public static GeneformerConfig V1_10M { get; } = new(25_426, 256, 6, 4, 512, 2048, 0.02, 0.02);

    /// <summary>Geneformer-V2-104M (2025).</summary>
    public static GeneformerConfig V2_104M { get; } = new(20_275, 768, 12, 12, 3072, 4096, 0.1, 0.1);

    /// <summary>Geneformer-V2-316M (2025, the root config.json's default then).</summary>
    public static GeneformerConfig V2_316M { get; } = new(20_275, 1152, 18, 18, 4608, 4096, 0.1, 0.1);

    /// <summary>The dropout before the classifier: classifier_dropout, else hidden_dropout_prob (BertForSequenceClassification).</summary>
    [JsonIgnore]
    public double HeadDropout => ClassifierDropout ?? HiddenDropoutProb;

    /// <summary>
    /// The config.json a fine-tuned folder carries: HF BertConfig's keys for this architecture, sorted as
    /// transformers writes them (to_json_string sorts keys), with the fixed ones (hidden_act, position_embedding_type)
    /// spelt out, so <see cref="Read"/> and transformers both take the folder back.
    /// </summary>
    public void Write(string path, string architecture, int numLabels) => Json.WriteFile(path, new SortedDictionary<string, object?>(StringComparer.Ordinal)
    {
        ["architectures"] = new[] { architecture },
        ["attention_probs_dropout_prob"] = AttentionProbsDropoutProb,
        ["classifier_dropout"] = ClassifierDropout,
        ["hidden_act"] = "relu",
        ["hidden_dropout_prob"] = HiddenDropoutProb,
        ["hidden_size"] = HiddenSize,
        ["intermediate_size"] = IntermediateSize,
        ["layer_norm_eps"] = LayerNormEps,
        ["max_position_embeddings"] = MaxPositionEmbeddings,
        ["model_type"] = "bert",
        ["num_attention_heads"] = NumAttentionHeads,
        ["num_hidden_layers"] = NumHiddenLayers,
        ["num_labels"] = numLabels,
        ["pad_token_id"] = PadTokenId,
        ["position_embedding_type"] = "absolute",
        ["type_vocab_size"] = TypeVocabSize,
        ["vocab_size"] = VocabSize,
    });

    /// <summary>
    /// Reads a config.json. HF configs carry many keys this model does not use (architectures, transformers_version,
    /// …): those are ignored; the ones that would change the architecture must have Geneformer's values or the file
    /// is refused, naming the key.
    /// </summary>
    public static GeneformerConfig Read(string path)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new ScReproException($"{path}: not a readable config.json ({e.Message})", inner: e);
        }
        if (root.ValueKind != JsonValueKind.Object) throw new ScReproException($"{path}: config.json is not an object");
        int Int(string key) => root.TryGetProperty(key, out var v) && v.TryGetInt32(out var i) && i > 0 ? i
            : throw new ScReproException($"{path}: key '{key}': expected a positive integer");
        double Number(string key, double? dflt = null) => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble()
            : dflt ?? throw new ScReproException($"{path}: key '{key}': expected a number");
        void Must(string key, string expected, string? dflt)
        {
            var got = root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : dflt;
            if (got != expected) throw new ScReproException($"{path}: key '{key}': '{got}' is not Geneformer's '{expected}'");
        }
        Must("hidden_act", "relu", null);
        Must("position_embedding_type", "absolute", "absolute");
        var hidden = Int("hidden_size");
        var heads = Int("num_attention_heads");
        if (hidden % heads != 0) throw new ScReproException($"{path}: key 'hidden_size': {hidden} is not a multiple of num_attention_heads {heads}");
        double? classifierDropout = root.TryGetProperty("classifier_dropout", out var cd) && cd.ValueKind == JsonValueKind.Number ? cd.GetDouble() : null;
        return new GeneformerConfig(Int("vocab_size"), hidden, Int("num_hidden_layers"), heads, Int("intermediate_size"),
            Int("max_position_embeddings"), Number("hidden_dropout_prob"), Number("attention_probs_dropout_prob"),
            root.TryGetProperty("type_vocab_size", out _) ? Int("type_vocab_size") : 2, Number("layer_norm_eps", 1e-12),
            root.TryGetProperty("pad_token_id", out var pad) && pad.TryGetInt32(out var p) ? p : 0, classifierDropout);
    }
}
