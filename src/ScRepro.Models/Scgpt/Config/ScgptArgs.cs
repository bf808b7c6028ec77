using System.Text.Json;
using ScRepro.Foundation.Errors;

namespace ScRepro.Models.Scgpt.Config;

/// <summary>
/// The parts of a pretrained folder's args.json that choose the architecture. The tutorials read only
/// embsize, nheads, d_hid, nlayers and n_layers_cls; the rest are kept to report and to check compatibility.
/// </summary>
public sealed record ScgptArgs(
    int EmbSize, int NHeads, int DHid, int NLayers, int NLayersCls,
    double? Dropout, string PadToken, double? PadValue, double? MaskValue, int? NBins,
    string InputEmbStyle, int? MaxSeqLen, bool? FastTransformer)
{
    /// <summary>Reads args.json; a missing or mistyped architecture key is one error naming the file and key.</summary>
    public static ScgptArgs Load(string path)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: args file not found");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new ScReproException($"{path}: not valid JSON ({e.Message})", 2, e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ScReproException($"{path}: expected a JSON object");
            var args = new ScgptArgs(
                RequiredInt(root, "embsize", path), RequiredInt(root, "nheads", path), RequiredInt(root, "d_hid", path),
                RequiredInt(root, "nlayers", path), RequiredInt(root, "n_layers_cls", path),
                OptionalDouble(root, "dropout", path), OptionalString(root, "pad_token", path) ?? GeneVocab.PadToken,
                OptionalDouble(root, "pad_value", path), OptionalDouble(root, "mask_value", path),
                (int?)OptionalDouble(root, "n_bins", path), OptionalString(root, "input_emb_style", path) ?? "continuous",
                (int?)OptionalDouble(root, "max_seq_len", path), OptionalBool(root, "fast_transformer", path));
            // Only the continuous value encoder matches the whole-human weights (spec §2.2): a category-style
            // checkpoint would need another module, which we do not build.
            if (args.InputEmbStyle != "continuous")
                throw new ScReproException($"{path}: input_emb_style '{args.InputEmbStyle}' is not supported (only 'continuous')");
            if (args.EmbSize % args.NHeads != 0)
                throw new ScReproException($"{path}: embsize {args.EmbSize} is not a multiple of nheads {args.NHeads}");
            return args;
        }
    }

    /// <summary>The model config these args choose, for the given variant, vocab size and fine-tuning settings.</summary>
    public ScgptConfig ToConfig(ScgptVariant variant, GeneVocab vocab, int nCls = 1, double dropout = 0,
        double padValue = 0, int pertPadId = 0) => new()
    {
        Variant = variant,
        NToken = vocab.Count,
        DModel = EmbSize,
        NHead = NHeads,
        DHid = DHid,
        NLayers = NLayers,
        NLayersCls = NLayersCls,
        NCls = nCls,
        Dropout = dropout,
        PadTokenId = vocab.IdOf(PadToken),
        PadValue = padValue,
        PertPadId = pertPadId,
        NBins = NBins ?? 51,
    };

    /// <summary>The args.json ScRepro writes beside a fine-tuned best_model.pt, so the folder loads like scGPT_human.</summary>
    public static ScgptArgs FromConfig(ScgptConfig c, int maxSeqLen) => new(
        c.DModel, c.NHead, c.DHid, c.NLayers, c.NLayersCls, c.Dropout, GeneVocab.PadToken, c.PadValue, -1, c.NBins,
        "continuous", maxSeqLen, FastTransformer: false);

    /// <summary>args.json as scGPT writes it (the keys this record knows).</summary>
    public string ToJson()
    {
        var map = new Dictionary<string, object?>
        {
            ["embsize"] = EmbSize, ["nheads"] = NHeads, ["d_hid"] = DHid, ["nlayers"] = NLayers,
            ["n_layers_cls"] = NLayersCls, ["dropout"] = Dropout, ["pad_token"] = PadToken, ["pad_value"] = PadValue,
            ["mask_value"] = MaskValue, ["n_bins"] = NBins, ["input_emb_style"] = InputEmbStyle,
            ["max_seq_len"] = MaxSeqLen, ["fast_transformer"] = FastTransformer,
        };
        return JsonSerializer.Serialize(map, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static int RequiredInt(JsonElement root, string key, string path)
    {
        if (!root.TryGetProperty(key, out var e))
            throw new ScReproException($"{path}: required key '{key}' is missing");
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var v) || v <= 0)
            throw new ScReproException($"{path}: key '{key}' must be a positive integer, got {e.GetRawText()}");
        return v;
    }

    private static double? OptionalDouble(JsonElement root, string key, string path)
    {
        if (!root.TryGetProperty(key, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number) throw new ScReproException($"{path}: key '{key}' must be a number, got {e.GetRawText()}");
        return e.GetDouble();
    }

    private static string? OptionalString(JsonElement root, string key, string path)
    {
        if (!root.TryGetProperty(key, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.String) throw new ScReproException($"{path}: key '{key}' must be a string, got {e.GetRawText()}");
        return e.GetString();
    }

    private static bool? OptionalBool(JsonElement root, string key, string path)
    {
        if (!root.TryGetProperty(key, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ScReproException($"{path}: key '{key}' must be true or false, got {e.GetRawText()}"),
        };
    }
}
