using System.Text.Json;
using ScRepro.Foundation.Errors;

namespace ScRepro.Models.Scgpt;

/// <summary>
/// scGPT's GeneVocab: a {token: id} map read from vocab.json, with the special tokens
/// &lt;pad&gt;, &lt;cls&gt;, &lt;eoc&gt;. Unknown genes map to the &lt;pad&gt; id, as
/// <c>vocab.set_default_index(vocab["&lt;pad&gt;"])</c> does in both tutorials.
/// </summary>
public sealed class GeneVocab
{
    public const string PadToken = "<pad>";
    public const string ClsToken = "<cls>";
    public const string EocToken = "<eoc>";

    /// <summary>The special tokens scGPT appends after the genes, in this order.</summary>
    public static readonly IReadOnlyList<string> SpecialTokens = [PadToken, ClsToken, EocToken];

    private readonly Dictionary<string, int> _ids;
    private readonly string[] _tokens;

    private GeneVocab(Dictionary<string, int> ids, string[] tokens)
    {
        _ids = ids;
        _tokens = tokens;
    }

    /// <summary>Number of tokens (the model's ntoken).</summary>
    public int Count => _tokens.Length;
    public int PadId => _ids[PadToken];
    public int ClsId => _ids[ClsToken];
    public int EocId => _ids[EocToken];

    /// <summary>The token with id <paramref name="id"/>.</summary>
    public string this[int id] => _tokens[id];

    public bool Contains(string token) => _ids.ContainsKey(token);

    /// <summary>The id of <paramref name="token"/>, or the &lt;pad&gt; id when it is not in the vocab.</summary>
    public int IdOf(string token) => _ids.TryGetValue(token, out var id) ? id : PadId;

    /// <summary>Vocab ids for genes (unknown genes get the &lt;pad&gt; id) and how many were found.</summary>
    public (int[] Ids, int Found) MapGenes(IReadOnlyList<string> genes)
    {
        var ids = new int[genes.Count];
        var found = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (_ids.TryGetValue(genes[i], out var id)) { ids[i] = id; found++; }
            else ids[i] = PadId;
        }
        return (ids, found);
    }

    /// <summary>
    /// Builds a vocab from genes in order, appending the missing special tokens after them,
    /// as scGPT's pretraining does before it saves vocab.json.
    /// </summary>
    public static GeneVocab FromGenes(IEnumerable<string> genes)
    {
        var tokens = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in genes.Concat(SpecialTokens))
        {
            if (ids.ContainsKey(g))
            {
                if (SpecialTokens.Contains(g)) continue;
                throw new ArgumentException($"duplicate gene '{g}'");
            }
            ids[g] = tokens.Count;
            tokens.Add(g);
        }
        return new GeneVocab(ids, tokens.ToArray());
    }

    /// <summary>Reads vocab.json ({token: id}); ids must be 0..n-1 with no gaps, and the specials present.</summary>
    public static GeneVocab Load(string path)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: vocab file not found");
        Dictionary<string, int>? map;
        try
        {
            map = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ScReproException($"{path}: not a {{token: id}} JSON object ({e.Message})", 2, e);
        }
        if (map is null || map.Count == 0) throw new ScReproException($"{path}: empty vocab");
        var tokens = new string?[map.Count];
        foreach (var (token, id) in map)
        {
            if (id < 0 || id >= tokens.Length)
                throw new ScReproException($"{path}: token '{token}' has id {id}, outside 0..{tokens.Length - 1}");
            if (tokens[id] is not null)
                throw new ScReproException($"{path}: id {id} is used by both '{tokens[id]}' and '{token}'");
            tokens[id] = token;
        }
        foreach (var special in SpecialTokens)
        {
            if (!map.ContainsKey(special))
                throw new ScReproException($"{path}: special token '{special}' is missing");
        }
        return new GeneVocab(new Dictionary<string, int>(map, StringComparer.Ordinal), tokens!);
    }

    /// <summary>Writes {token: id} in id order (what scGPT's GeneVocab.save_json writes).</summary>
    public string ToJson()
    {
        var ordered = new Dictionary<string, int>();
        for (var i = 0; i < _tokens.Length; i++) ordered[_tokens[i]] = i;
        return JsonSerializer.Serialize(ordered) + "\n";
    }
}
