using ScRepro.Foundation.Errors;
using ScRepro.Pickle;

namespace ScRepro.Models.Geneformer.Tokenization;

/// <summary>
/// Geneformer's dictionary pickles (token_dictionary, gene_median_dictionary, ensembl_mapping_dict: protocol 4 dicts
/// of str → numpy.int16 / numpy.float64 / str; scale-gpu-models.md §3.2), read with the project's one
/// <see cref="Unpickler"/> allowing numpy scalars only: no pickle code runs, and any other global (os.system, …) is
/// refused naming the file and the global.
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

    private static readonly NumpyScalarAllowList AllowList =
        new("a Geneformer dictionary holds only a dict of gene ids to numbers or ids (numpy scalars), never code");

    private static Dictionary<string, T> Read<T>(string path, Func<string, object?, T> convert)
    {
        var root = Unpickler.Load(path, AllowList);
        if (root is not OrderedDictionary<object, object?> dict) throw new ScReproException($"{path}: expected a pickled dict, found {Describe(root)}");
        var result = new Dictionary<string, T>(dict.Count, StringComparer.Ordinal);
        foreach (var (key, value) in dict)
        {
            if (key is not string name) throw new ScReproException($"{path}: key {Describe(key)} is not a gene id string");
            result[name] = convert(name, value);
        }
        return result;
    }

    private static string Describe(object? v) => v is null ? "None" : $"a {v.GetType().Name} ({v})";
}
