using ScRepro.Foundation.Errors;

namespace ScRepro.Models.Geneformer.Tokenization;

/// <summary>
/// Geneformer's rank-value encoding (tokenize_anndata; annotation-models.md §3.1, scale-gpu-models.md §3.2): each
/// stored entry of a cell's raw counts, for genes in the median dictionary, becomes count / n_counts · 10⁴ / median;
/// zeros (explicitly stored ones too) are dropped; genes are ordered by that value descending with a stable sort (numpy's
/// quicksort order of ties is CPU-dependent, so ties cannot match Python anyway) and truncated to the model input size.
/// V2 first sums the counts of entries that map to the same Ensembl id, then frames the ranks as &lt;cls&gt; … &lt;eos&gt;.
/// </summary>
public sealed class RankValueTokenizer
{
    private readonly IReadOnlyDictionary<string, int> _tokens;
    private readonly IReadOnlyDictionary<string, double> _medians;
    private readonly IReadOnlyDictionary<string, string>? _mapping;
    private readonly int? _cls;
    private readonly int? _eos;

    /// <param name="modelInputSize">Tokens per cell: 2048 (V1) or 4096 (V2) by default.</param>
    /// <param name="ensemblMapping">V2's ensembl_mapping_dict (id → the id it collapses into); null: ids as given.</param>
    public RankValueTokenizer(IReadOnlyDictionary<string, int> tokens, IReadOnlyDictionary<string, double> medians, GeneformerVersion version,
        int? modelInputSize = null, IReadOnlyDictionary<string, string>? ensemblMapping = null, string source = "token dictionary")
    {
        (_tokens, _medians, Version, _mapping) = (tokens, medians, version, ensemblMapping);
        InputSize = modelInputSize ?? (version == GeneformerVersion.V1 ? 2048 : 4096);
        if (version == GeneformerVersion.V2)
        {
            _cls = tokens.TryGetValue("<cls>", out var c) ? c : throw new ScReproException($"{source}: a V2 token dictionary needs '<cls>'");
            _eos = tokens.TryGetValue("<eos>", out var e) ? e : throw new ScReproException($"{source}: a V2 token dictionary needs '<eos>'");
            if (InputSize < 3) throw new ArgumentException("a V2 input holds <cls>, <eos> and at least one gene");
        }
        foreach (var gene in medians.Keys)
            if (!tokens.ContainsKey(gene)) throw new ScReproException($"{source}: gene {gene} has a median but no token");
    }

    public GeneformerVersion Version { get; }

    public int InputSize { get; }

    /// <summary>One cell's tokens.</summary>
    /// <param name="columns">Stored entries' gene columns (CSR indices), in stored order.</param>
    /// <param name="counts">Their raw counts.</param>
    /// <param name="nCounts">The cell's total count (obs n_counts).</param>
    /// <param name="geneIds">Ensembl id per column (var ensembl_id).</param>
    public int[] Tokenize(ReadOnlySpan<int> columns, ReadOnlySpan<float> counts, double nCounts, IReadOnlyList<string> geneIds)
    {
        if (!(nCounts > 0)) throw new ArgumentException($"n_counts must be positive, got {nCounts}");
        // (gene id, summed count) in first-seen order: V2 sums entries of one id; V1 keeps every entry.
        var entries = new List<(string Id, double Count)>(columns.Length);
        var slot = Version == GeneformerVersion.V2 ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
        for (var i = 0; i < columns.Length; i++)
        {
            var id = geneIds[columns[i]];
            if (_mapping is not null && _mapping.TryGetValue(id, out var mapped)) id = mapped;
            if (!_medians.ContainsKey(id)) continue;
            if (slot is not null && slot.TryGetValue(id, out var at)) entries[at] = (id, entries[at].Count + counts[i]);
            else
            {
                slot?.Add(id, entries.Count);
                entries.Add((id, counts[i]));
            }
        }
        var ranked = entries
            .Select(e => (e.Id, Value: e.Count / nCounts * 10_000 / _medians[e.Id]))
            .Where(e => e.Value != 0)
            .OrderByDescending(e => e.Value) // LINQ's OrderBy is stable
            .Select(e => _tokens[e.Id]);
        if (Version == GeneformerVersion.V1) return ranked.Take(InputSize).ToArray();
        return [_cls!.Value, .. ranked.Take(InputSize - 2), _eos!.Value];
    }
}
