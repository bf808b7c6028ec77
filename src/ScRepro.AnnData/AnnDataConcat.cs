using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData;

/// <summary>
/// anndata's legacy <c>AnnData.concatenate(*others, join="inner", batch_key=…, index_unique="-")</c>, the call scGPT's
/// annotation tutorial uses to join its reference and query files (and which the Boiarsky et al. baselines read).
/// Checked against anndata 0.8 in tests/fixtures/anndata/scripts/make_concat.py.
/// <list type="bullet">
/// <item>var: the genes present in every part, in the first part's order. A var column equal in every part is kept;
/// any other becomes one column per part named <c>name-key</c>, as concatenate does.</item>
/// <item>obs: rows in part order, names suffixed <c>-key</c>; columns are the union in order of appearance. Categoricals
/// get the sorted union of their categories; a column a part lacks is missing there (NaN, null or code −1); columns
/// whose types differ between parts become strings. <c>batchKey</c> is a categorical of the keys.</item>
/// <item>X only: layers, obsm, obsp, raw and uns are dropped (concatenate keeps none of them without uns_merge or
/// an inner join of their keys, and nothing downstream reads them). Values are ScRepro's float32.</item>
/// </list>
/// </summary>
public static class AnnDataConcat
{
    public static AnnotatedData Concatenate(IReadOnlyList<AnnotatedData> parts, string batchKey, IReadOnlyList<string>? keys = null)
    {
        if (parts.Count == 0) throw new ArgumentException("nothing to concatenate", nameof(parts));
        keys ??= Enumerable.Range(0, parts.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (keys.Count != parts.Count) throw new ArgumentException($"{keys.Count} keys for {parts.Count} parts", nameof(keys));
        if (parts.Any(p => p.X is null)) throw new ArgumentException("every part needs X", nameof(parts));

        var genes = InnerJoin(parts.Select(p => p.VarNames).ToList());
        var columnsOf = parts.Select(p => ColumnPositions(p.VarNames, genes)).ToList();
        var x = StackRows(parts.Select((p, i) => p.X! switch
        {
            CsrMatrix c => c.SelectColumns(columnsOf[i]),
            CscMatrix c => c.ToCsr().SelectColumns(columnsOf[i]),
            var m => CsrMatrix.FromDense(m.ToDense()).SelectColumns(columnsOf[i]),
        }).ToList());

        var obsNames = parts.SelectMany((p, i) => p.ObsNames.Select(n => $"{n}-{keys[i]}")).ToArray();
        var obs = new DataFrame(obsNames, parts[0].Obs.IndexName);
        foreach (var name in parts.SelectMany(p => p.Obs.Columns.Select(c => c.Name)).Distinct().Where(n => n != batchKey))
            obs.Add(FrameColumns.Stack(name, parts.Select(p => p.Obs.Contains(name) ? p.Obs[name] : null).ToList(),
                parts.Select(p => p.NObs).ToList()));
        obs.Add(new CategoricalColumn(batchKey,
            parts.SelectMany((p, i) => Enumerable.Repeat(i, p.NObs)).ToArray(), keys.ToArray()));

        var var = new DataFrame(genes, parts[0].Var.IndexName);
        var varColumns = parts.SelectMany(p => p.Var.Columns.Select(c => c.Name)).Distinct().ToList();
        var aligned = varColumns.ToDictionary(n => n, n => parts.Select((p, i) =>
            p.Var.Contains(n) ? ColumnSubset.Take(p.Var[n], columnsOf[i]) : null).ToList());
        var same = varColumns.Where(n => FrameColumns.AllEqual(aligned[n])).ToHashSet(StringComparer.Ordinal);
        foreach (var name in varColumns.Where(same.Contains))
            var.Add(aligned[name][0]!);
        foreach (var name in varColumns.Where(n => !same.Contains(n)))
            for (var i = 0; i < parts.Count; i++)
                if (aligned[name][i] is { } c) var.Add(FrameColumns.Renamed(c, $"{name}-{keys[i]}"));
        return new AnnotatedData(x, obs, var);
    }

    /// <summary>Names present in every list, in the first list's order (pandas Index.intersection without sort).</summary>
    private static string[] InnerJoin(IReadOnlyList<string[]> names)
    {
        foreach (var n in names)
            if (n.Distinct(StringComparer.Ordinal).Count() != n.Length)
                throw new ArgumentException($"var names are not unique ({n.GroupBy(s => s).First(g => g.Count() > 1).Key} repeats): make them unique before joining");
        var sets = names.Skip(1).Select(n => n.ToHashSet(StringComparer.Ordinal)).ToList();
        return names[0].Where(g => sets.All(s => s.Contains(g))).ToArray();
    }

    private static int[] ColumnPositions(string[] varNames, string[] genes)
    {
        var at = varNames.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => t.i, StringComparer.Ordinal);
        return genes.Select(g => at[g]).ToArray();
    }

    private static CsrMatrix StackRows(IReadOnlyList<CsrMatrix> blocks)
    {
        var rows = blocks.Sum(b => b.Rows);
        var nnz = blocks.Sum(b => b.Nnz);
        var indptr = new int[rows + 1];
        var indices = new int[nnz];
        var data = new float[nnz];
        int row = 0, at = 0;
        foreach (var b in blocks)
        {
            for (var r = 0; r < b.Rows; r++) indptr[row + r + 1] = at + b.IndPtr[r + 1];
            b.Indices.AsSpan(0, (int)b.Nnz).CopyTo(indices.AsSpan(at));
            b.Data.AsSpan(0, (int)b.Nnz).CopyTo(data.AsSpan(at));
            row += b.Rows;
            at += (int)b.Nnz;
        }
        var dtype = blocks.Select(b => b.SourceDtype).Distinct().Count() == 1 ? blocks[0].SourceDtype : "float32";
        return new CsrMatrix(rows, blocks[0].Cols, indptr, indices, data) { SourceDtype = dtype };
    }
}
