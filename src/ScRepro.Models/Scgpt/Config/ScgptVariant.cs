namespace ScRepro.Models.Scgpt.Config;

/// <summary>Which scGPT model class (and which version of it) a state dict belongs to.</summary>
public enum ScgptVariant
{
    /// <summary>TransformerGenerator at HEAD (after 40f3a32, 2024): AffineExprDecoder, no BatchNorm.</summary>
    Generator,

    /// <summary>TransformerGenerator before 40f3a32 (2023 notebooks): ExprDecoder `decoder.fc.*` and `bn` BatchNorm1d.</summary>
    Generator2023,

    /// <summary>TransformerModel with its ClsDecoder (annotation tutorial).</summary>
    Classifier,
}
