namespace ScRepro.AnnData.Encodings;

/// <summary>
/// An element's encoding, as anndata's IOSpec: the encoding-type and encoding-version attributes
/// (fileformat-prose.md: "An element MUST have a string-valued field encoding-type"). Files written before anndata
/// 0.8 have elements with neither; they map to <see cref="Legacy"/>.
/// </summary>
internal readonly record struct IOSpec(string Type, string Version)
{
    public static readonly IOSpec Legacy = new("", "");

    public override string ToString() => Type.Length == 0 ? "no encoding attributes" : $"encoding-type '{Type}' version '{Version}'";
}
