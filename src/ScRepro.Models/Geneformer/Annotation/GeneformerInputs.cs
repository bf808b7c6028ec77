using ScRepro.Foundation.Errors;
using ScRepro.Models.Geneformer.Tokenization;

namespace ScRepro.Models.Geneformer.Annotation;

/// <summary>
/// How a Geneformer run turns cells into rank-value tokens, shared by the trainer and by re-prediction from a
/// fine-tuned folder: the genes' ids, the token and median dictionaries (Genecorpus pickles, or built from the
/// training cells), and the tokenizer sized to the model's positions.
/// </summary>
internal static class GeneformerInputs
{
    public sealed record Vocabulary(string[] GeneIds, IReadOnlyDictionary<string, int> Tokens, IReadOnlyDictionary<string, double> Medians, string Source);

    public static Vocabulary Read(GeneformerTrainRequest request, int[] trainRows)
    {
        var (r, data, source) = (request.Recipe, request.Data, request.Source);
        var geneIds = r.EnsemblIdColumn is { } col
            ? data.Var.Contains(col) ? Enumerable.Range(0, data.NVars).Select(g => data.Var[col].GetString(g) ?? "").ToArray()
                : throw new ScReproException($"{source}: key 'hyperparameters.ensembl_id_column': var has no column '{col}'")
            : data.VarNames;
        if (request.Dictionaries is { } d)
            return new Vocabulary(geneIds, GeneformerDictionaries.ReadTokens(d.Tokens), GeneformerDictionaries.ReadMedians(d.Medians),
                $"{Path.GetFileName(d.Tokens)}, {Path.GetFileName(d.Medians)}");
        var (tokens, medians) = CorpusDictionaries.Build(data, trainRows, geneIds, r.Version, source);
        return new Vocabulary(geneIds, tokens, medians, "built from the training cells (no Genecorpus dictionary)");
    }

    /// <summary>The tokenizer for <paramref name="config"/>; a dictionary id the model cannot embed is an error.</summary>
    public static (RankValueTokenizer Tokenizer, int InputSize) Tokenizer(GeneformerTrainRequest request, Vocabulary vocab, GeneformerConfig config)
    {
        var r = request.Recipe;
        if (vocab.Tokens.Values.Max() >= config.VocabSize)
            throw new ScReproException($"{request.Source}: the token dictionary's largest id {vocab.Tokens.Values.Max()} does not fit the model's vocab_size {config.VocabSize}");
        var inputSize = Math.Min(r.ModelInputSize ?? (r.Version == GeneformerVersion.V1 ? 2048 : 4096), config.MaxPositionEmbeddings);
        var mapping = request.GeneMapping is { } m ? GeneformerDictionaries.ReadEnsemblMapping(m) : null;
        return (new RankValueTokenizer(vocab.Tokens, vocab.Medians, r.Version, inputSize, mapping, vocab.Source), inputSize);
    }
}
