using ScRepro.Foundation.Errors;
using ScRepro.Splits.Pickle;

namespace ScRepro.Models.Geneformer.Tokenization;

/// <summary>
/// Geneformer's dictionary pickles (token_dictionary, gene_median_dictionary, ensembl_mapping_dict: protocol 4 dicts
/// of str → numpy.int16 / numpy.float64 / str; scale-gpu-models.md §3.2), read with the project's allow-listed
/// <see cref="SafePickleReader"/>, which never runs pickle code: any other global (os.system, …) is refused naming the
/// file and the global.
/// </summary>
public static class GeneformerDictionaries
{
    /// <summary>Token ids: '&lt;pad&gt;' 0, '&lt;mask&gt;' 1 (plain ints), genes as numpy.int16.</summary>
    public static IReadOnlyDictionary<string, int> ReadTokens(string path) =>
        Read(path, (key, v) => v is long id and >= 0 and <= int.MaxValue ? (int)id
            : throw new ScReproException($"{path}: token of '{key}' is {Describe(v)}, not a non-negative integer"));

    /// <summary>Non-zero median of each gene's normalised expression over the pretraining corpus (numpy.float64).</summary>
    public static IReadOnlyDictionary<string, double> ReadMedians(string path) =>
        Read(path, (key, v) => v is double m && double.IsFinite(m) && m > 0 ? m
            : throw new ScReproException($"{path}: median of '{key}' is {Describe(v)}, not a positive number"));

    /// <summary>V2's ensembl_mapping_dict: each id → the id its counts are summed into.</summary>
    public static IReadOnlyDictionary<string, string> ReadEnsemblMapping(string path) =>
        Read(path, (key, v) => v as string ?? throw new ScReproException($"{path}: mapping of '{key}' is {Describe(v)}, not an id"));

    private static Dictionary<string, T> Read<T>(string path, Func<string, object?, T> convert)
    {
        var root = SafePickleReader.Load(path);
        if (root is not Dictionary<string, object?> dict) throw new ScReproException($"{path}: expected a pickled dict, found {Describe(root)}");
        return dict.ToDictionary(kv => kv.Key, kv => convert(kv.Key, kv.Value), StringComparer.Ordinal);
    }

    private static string Describe(object? v) => v is null ? "None" : $"a {v.GetType().Name} ({v})";
}
