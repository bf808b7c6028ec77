namespace ScRepro.Models.Geneformer.Tokenization;

/// <summary>The tokenizer generation (annotation-models.md §3.1): V1 2048 ranked genes; V2 &lt;cls&gt; + 4094 + &lt;eos&gt; with duplicate ids summed.</summary>
public enum GeneformerVersion
{
    V1,
    V2,
}
