using System.Text.RegularExpressions;

namespace ScRepro.Models.Scgpt.Checkpoints;

/// <summary>
/// Renames the three attention layouts onto nn.MultiheadAttention's names, as scGPT's load_pretrained does
/// without flash-attn (scgpt/utils/util.py @cebd6fa): `self_attn._impl.Wqkv.` → `self_attn.in_proj_`,
/// `self_attn.Wqkv.` → `self_attn.in_proj_`, `self_attn._impl.out_proj.` → `self_attn.out_proj.`.
/// The rename is numerically exact: both packings are (three, head, head_dim)-major (spec §1.2).
/// </summary>
public static partial class AttentionKeyMapper
{
    [GeneratedRegex(@"self_attn\._impl\.Wqkv\.")]
    private static partial Regex ImplWqkv();

    [GeneratedRegex(@"self_attn\.Wqkv\.")]
    private static partial Regex Wqkv();

    [GeneratedRegex(@"self_attn\._impl\.out_proj\.")]
    private static partial Regex ImplOutProj();

    /// <summary>The layout one key uses, or null when it is not an attention projection key.</summary>
    public static AttentionLayout? LayoutOf(string key)
    {
        if (ImplWqkv().IsMatch(key) || ImplOutProj().IsMatch(key)) return AttentionLayout.FlashImplWqkv;
        if (Wqkv().IsMatch(key)) return AttentionLayout.FlashWqkv;
        if (key.Contains("self_attn.in_proj_", StringComparison.Ordinal)) return AttentionLayout.InProj;
        return null;
    }

    /// <summary>
    /// The one layout a set of keys uses. `self_attn.out_proj.*` is shared by the FlashWqkv and InProj layouts,
    /// so it does not vote. Mixed layouts are refused: a half-renamed file would load wrong weights silently.
    /// </summary>
    public static AttentionLayout Detect(IEnumerable<string> keys, string source)
    {
        var seen = new SortedSet<AttentionLayout>();
        foreach (var k in keys)
        {
            if (LayoutOf(k) is { } l) seen.Add(l);
        }
        return seen.Count switch
        {
            0 => AttentionLayout.None,
            1 => seen.Min,
            _ => throw new Foundation.Errors.ScReproException(
                $"{source}: attention keys mix layouts ({string.Join(", ", seen)}); refusing to guess which to load"),
        };
    }

    /// <summary>The in_proj name for <paramref name="key"/> (unchanged when it is not a flash key).</summary>
    public static string ToInProj(string key)
    {
        key = ImplWqkv().Replace(key, "self_attn.in_proj_");
        key = Wqkv().Replace(key, "self_attn.in_proj_");
        return ImplOutProj().Replace(key, "self_attn.out_proj.");
    }

    /// <summary>The name <paramref name="inProjKey"/> has in <paramref name="layout"/> (to write a flash-layout file).</summary>
    public static string FromInProj(string inProjKey, AttentionLayout layout) => layout switch
    {
        AttentionLayout.FlashWqkv => inProjKey.Replace("self_attn.in_proj_", "self_attn.Wqkv.", StringComparison.Ordinal),
        AttentionLayout.FlashImplWqkv => inProjKey
            .Replace("self_attn.in_proj_", "self_attn._impl.Wqkv.", StringComparison.Ordinal)
            .Replace("self_attn.out_proj.", "self_attn._impl.out_proj.", StringComparison.Ordinal),
        _ => inProjKey,
    };
}
