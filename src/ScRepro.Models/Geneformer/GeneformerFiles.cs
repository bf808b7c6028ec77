namespace ScRepro.Models.Geneformer;

/// <summary>What a Geneformer fine-tuning run leaves in its folder (an HF-style model folder).</summary>
public static class GeneformerFiles
{
    /// <summary>The fine-tuned classifier's state dict (safetensors, HF's current default).</summary>
    public const string BestModel = "model.safetensors";

    /// <summary>The architecture, as a config.json-shaped record.</summary>
    public const string Config = "config.json";

    public const string Classes = "classes.json";
}
