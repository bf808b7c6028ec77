using System.Text.RegularExpressions;
using ScRepro.Foundation.Errors;
using ScRepro.Models.Scgpt.Config;

namespace ScRepro.Models.Scgpt.Checkpoints;

/// <summary>What a state dict's keys and shapes say about the model that wrote it.</summary>
public sealed record CheckpointInfo(
    ScgptVariant? Variant, AttentionLayout Layout, int NToken, int DModel, int DHid, int NLayers,
    int NLayersCls, int NCls, bool BatchNorm);

/// <summary>
/// Reads variant and sizes from key names and shapes: `decoder.coeff_decoder.*` is the 2024 generator,
/// `pert_encoder` with `decoder.fc.*` the 2023 one (spec §1.4), `cls_decoder.*` without `pert_encoder` the
/// classifier, and a file with none of these a pretrained foundation checkpoint (variant null).
/// The head count is not in the shapes: it comes from args.json.
/// </summary>
public static partial class ScgptCheckpointInspector
{
    [GeneratedRegex(@"^transformer_encoder\.layers\.(\d+)\.")]
    private static partial Regex LayerKey();

    [GeneratedRegex(@"^cls_decoder\._decoder\.(\d+)\.weight$")]
    private static partial Regex ClsBlock();

    public static CheckpointInfo Inspect(IReadOnlyList<KeyValuePair<string, long[]>> checkpoint, string source)
    {
        var shapes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (k, s) in checkpoint) shapes[AttentionKeyMapper.ToInProj(k)] = s;
        var layout = AttentionKeyMapper.Detect(checkpoint.Select(kv => kv.Key), source);
        if (!shapes.TryGetValue("encoder.embedding.weight", out var emb) || emb.Length != 2)
            throw new ScReproException($"{source}: no 2-D 'encoder.embedding.weight'; this is not an scGPT state dict");
        var layers = shapes.Keys.Select(k => LayerKey().Match(k)).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var nLayers = layers.Count == 0 ? 0 : layers.Max() + 1;
        var dHid = shapes.TryGetValue("transformer_encoder.layers.0.linear1.weight", out var l1) ? (int)l1[0] : 0;
        var hasPert = shapes.ContainsKey("pert_encoder.weight");
        var hasCls = shapes.ContainsKey("cls_decoder.out_layer.weight");
        ScgptVariant? variant =
            shapes.ContainsKey("decoder.coeff_decoder.fc.0.weight") ? ScgptVariant.Generator
            : hasPert && shapes.ContainsKey("decoder.fc.0.weight") ? ScgptVariant.Generator2023
            : hasCls && !hasPert ? ScgptVariant.Classifier
            : null;
        var clsBlocks = shapes.Keys.Select(k => ClsBlock().Match(k)).Where(m => m.Success).Count() / 2;
        var nCls = hasCls ? (int)shapes["cls_decoder.out_layer.weight"][0] : 1;
        return new CheckpointInfo(variant, layout, (int)emb[0], (int)emb[1], dHid, nLayers,
            hasCls ? clsBlocks + 1 : 3, nCls, shapes.ContainsKey("bn.weight"));
    }
}
