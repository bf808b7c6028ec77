namespace ScRepro.Models.Scgpt.Config;

/// <summary>
/// The state-dict keys and shapes scGPT's classes own for a config, in PyTorch's registration order
/// (spec §1.2, §1.4, §2.1). Attention uses the in_proj layout (nn.MultiheadAttention without flash-attn);
/// checkpoints in the flash layouts are renamed onto it by <see cref="Checkpoints.AttentionKeyMapper"/>.
/// </summary>
public static class ScgptParameters
{
    /// <summary>All entries of the model's state_dict, parameters and buffers.</summary>
    public static IReadOnlyList<ParameterSpec> For(ScgptConfig c)
    {
        c.Validate();
        long d = c.DModel;
        var list = new List<ParameterSpec>
        {
            new("encoder.embedding.weight", [c.NToken, d]),
        };
        LayerNorm(list, "encoder.enc_norm", d);
        Linear(list, "value_encoder.linear1", 1, d);
        Linear(list, "value_encoder.linear2", d, d);
        LayerNorm(list, "value_encoder.norm", d);
        if (c.Variant != ScgptVariant.Classifier) list.Add(new("pert_encoder.weight", [c.NPertTokens, d]));
        if (c.BatchNorm)
        {
            list.Add(new("bn.weight", [d]));
            list.Add(new("bn.bias", [d]));
            list.Add(new("bn.running_mean", [d], IsBuffer: true));
            list.Add(new("bn.running_var", [d], IsBuffer: true));
            list.Add(new("bn.num_batches_tracked", [], IsBuffer: true, IsInt64: true));
        }
        for (var i = 0; i < c.NLayers; i++)
        {
            var p = $"transformer_encoder.layers.{i}";
            list.Add(new($"{p}.self_attn.in_proj_weight", [3 * d, d]));
            list.Add(new($"{p}.self_attn.in_proj_bias", [3 * d]));
            Linear(list, $"{p}.self_attn.out_proj", d, d);
            Linear(list, $"{p}.linear1", d, c.DHid);
            Linear(list, $"{p}.linear2", c.DHid, d);
            LayerNorm(list, $"{p}.norm1", d);
            LayerNorm(list, $"{p}.norm2", d);
        }
        if (c.Variant == ScgptVariant.Generator)
        {
            ExprDecoder(list, "decoder.coeff_decoder.fc", d);
            ExprDecoder(list, "decoder.bias_decoder.fc", d);
        }
        else
        {
            ExprDecoder(list, "decoder.fc", d);
        }
        // ClsDecoder: (nlayers-1) × [Linear → ReLU → LayerNorm], then out_layer; ReLU has no parameters.
        for (var b = 0; b < c.NLayersCls - 1; b++)
        {
            Linear(list, $"cls_decoder._decoder.{3 * b}", d, d);
            LayerNorm(list, $"cls_decoder._decoder.{3 * b + 2}", d);
        }
        Linear(list, "cls_decoder.out_layer", d, c.NCls);
        return list;
    }

    /// <summary>Number of trainable parameters (buffers excluded); whole-human generator: 51,859,459.</summary>
    public static long CountParameters(ScgptConfig c) => For(c).Where(p => !p.IsBuffer).Sum(p => p.NumElements);

    /// <summary>
    /// The Boiarsky "frozen pre-decoder" rule, which is the annotation tutorial's freeze rule:
    /// a parameter is frozen when its name contains "encoder" but not "transformer_encoder"
    /// (gene embedding, enc_norm, value encoder: 31,342,592 parameters whole-human, spec §7).
    /// pert_encoder also matches that rule, but it is new and random in the generator, so freezing it would
    /// freeze noise: it stays trainable.
    /// </summary>
    public static bool IsFrozenPreDecoder(string name) =>
        name.Contains("encoder", StringComparison.Ordinal)
        && !name.Contains("transformer_encoder", StringComparison.Ordinal)
        && !name.StartsWith("pert_encoder", StringComparison.Ordinal);

    /// <summary>ExprDecoder.fc: Linear(d,d) → LeakyReLU → Linear(d,d) → LeakyReLU → Linear(d,1).</summary>
    private static void ExprDecoder(List<ParameterSpec> list, string prefix, long d)
    {
        Linear(list, $"{prefix}.0", d, d);
        Linear(list, $"{prefix}.2", d, d);
        Linear(list, $"{prefix}.4", d, 1);
    }

    private static void Linear(List<ParameterSpec> list, string prefix, long inFeatures, long outFeatures)
    {
        list.Add(new($"{prefix}.weight", [outFeatures, inFeatures]));
        list.Add(new($"{prefix}.bias", [outFeatures]));
    }

    private static void LayerNorm(List<ParameterSpec> list, string prefix, long d)
    {
        list.Add(new($"{prefix}.weight", [d]));
        list.Add(new($"{prefix}.bias", [d]));
    }
}
