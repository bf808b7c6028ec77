using ScRepro.AnnData.Encodings;
using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;
using ScRepro.Hdf5;

namespace ScRepro.AnnData;

/// <summary>
/// An open .h5ad file read element by element: obs and var without touching X, a row subset of X without loading
/// the rest, the inspect summary from metadata. Reads both the current encoding and anndata &lt; 0.7's.
/// Get one with <see cref="AnnDataFile.Open"/>.
/// </summary>
public sealed class H5adReader : IDisposable
{
    private readonly H5File _file;
    private readonly ElementReader _reader = new();
    private DataFrame? _obs;
    private DataFrame? _var;
    private Dictionary<string, object?>? _uns;
    private Dictionary<string, Matrix>? _movedObsp;

    internal H5adReader(string path)
    {
        _file = H5File.OpenRead(path);
        try
        {
            Validate();
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public string Path => _file.Path;

    private H5Group Root => _file.Root;

    private void Validate()
    {
        var type = Root.ReadStringAttribute("encoding-type");
        // anndata 0.7 stamped the root "AnnData"; 0.8 writes "anndata".
        if (type is not null && !type.Equals("anndata", StringComparison.OrdinalIgnoreCase))
            throw new Hdf5Exception(Path, "/", $"not an AnnData file: the root's encoding-type is '{type}', expected 'anndata'");
        if (!Root.Exists("obs") || !Root.Exists("var"))
        {
            var found = Root.ChildNames();
            throw new Hdf5Exception(Path, "/",
                $"not an AnnData file: no '{(Root.Exists("obs") ? "var" : "obs")}' element at the root (found: {(found.Count == 0 ? "nothing" : string.Join(", ", found))})");
        }
    }

    /// <summary>Number of cells (rows of obs).</summary>
    public int NObs => _obs?.Count ?? checked((int)IndexLength("obs"));

    /// <summary>Number of genes (rows of var).</summary>
    public int NVars => _var?.Count ?? checked((int)IndexLength("var"));

    private long IndexLength(string key)
    {
        if (Root.KindOf(key) == H5ObjectKind.Dataset)
        {
            using var legacy = Root.OpenDataset(key);
            return legacy.Length;
        }
        using var g = Root.OpenGroup(key);
        var index = g.ReadStringAttribute("_index") ?? throw ElementErrors.Bad(g, "dataframe has no '_index' attribute");
        using var ds = g.OpenDataset(index);
        return ds.Length;
    }

    /// <summary>True when the file has an X.</summary>
    public bool HasX => Root.Exists("X");

    /// <summary>"csr_matrix", "csc_matrix" or "array" (as anndata names X's encoding); null without X.</summary>
    public string? XEncoding => HasX ? EncodingOf("X") : null;

    /// <summary>numpy's dtype name of X's stored values; null without X.</summary>
    public string? XDtype
    {
        get
        {
            if (!HasX) return null;
            if (Root.KindOf("X") == H5ObjectKind.Dataset)
            {
                using var d = Root.OpenDataset("X");
                return d.Type.NumpyName;
            }
            using var g = Root.OpenGroup("X");
            using var data = g.OpenDataset("data");
            return data.Type.NumpyName;
        }
    }

    private string EncodingOf(string key)
    {
        if (Root.KindOf(key) == H5ObjectKind.Dataset) return "array";
        using var g = Root.OpenGroup(key);
        return SparseEncoding.FormatOf(g) switch
        {
            "csr" => "csr_matrix",
            "csc" => "csc_matrix",
            _ => throw ElementErrors.Bad(g, "is neither a sparse matrix nor an array"),
        };
    }

    /// <summary>obs, with anndata's legacy fixes (categories kept in uns) applied.</summary>
    public DataFrame ReadObs()
    {
        LoadFrames();
        return _obs!;
    }

    /// <summary>var, with anndata's legacy fixes applied.</summary>
    public DataFrame ReadVar()
    {
        LoadFrames();
        return _var!;
    }

    private void LoadFrames()
    {
        if (_obs is not null && _var is not null) return;
        var obs = ReadFrame(Root, "obs");
        var var = ReadFrame(Root, "var");
        var uns = Root.Exists("uns") ? ReadUnsRaw() : new Dictionary<string, object?>(StringComparer.Ordinal);
        var used = LegacyCompat.ApplyUnsCategories(LegacyCompat.CategoriesIn(uns), obs, var);
        foreach (var k in used) uns.Remove(k);
        var moved = new Dictionary<string, Matrix>(StringComparer.Ordinal);
        LegacyCompat.MoveAdjacency(uns, moved);
        (_obs, _var, _uns, _movedObsp) = (obs, var, uns, moved);
    }

    private Dictionary<string, object?> ReadUnsRaw()
    {
        var raw = _reader.Read(Root, "uns");
        return raw is Dictionary<string, object?> d
            ? (Dictionary<string, object?>)ColumnValues.ToUns(d)!
            : throw ElementErrors.Bad(Root, "uns", "is not a mapping");
    }

    private DataFrame ReadFrame(H5Group parent, string key)
    {
        if (parent.KindOf(key) == H5ObjectKind.Dataset)
        {
            using var d = parent.OpenDataset(key);
            return LegacyCompat.ToFrame(_reader.Read(d), d);
        }
        using var g = parent.OpenGroup(key);
        return LegacyCompat.ToFrame(_reader.Read(g), g);
    }

    /// <summary>uns, without the legacy "{col}_categories" entries anndata consumes, and without adjacency matrices it moves to obsp.</summary>
    public Dictionary<string, object?> ReadUns()
    {
        LoadFrames();
        return _uns!;
    }

    /// <summary>The whole X (CSR, CSC or dense), or null when the file has none.</summary>
    public Matrix? ReadX() => HasX ? ReadMatrix(Root, "X") : null;

    private Matrix ReadMatrix(H5Group parent, string key) => _reader.Read(parent, key) switch
    {
        Matrix m => m,
        var other => throw ElementErrors.Bad(parent, key, $"is not a matrix ({other?.GetType().Name ?? "null"})"),
    };

    /// <summary>
    /// Rows of X in the order given (repeats allowed). A CSR or dense X is read partially: only the selected rows'
    /// ranges are read from disk, so a 2 GB X costs what the rows cost. A CSC X is read whole and converted.
    /// </summary>
    public Matrix ReadXRows(IReadOnlyList<int> rows)
    {
        if (!HasX) throw new Hdf5Exception(Path, "/X", "the file has no X");
        var nObs = NObs;
        foreach (var r in rows)
        {
            if ((uint)r >= (uint)nObs) throw new ArgumentOutOfRangeException(nameof(rows), $"row {r} is outside 0..{nObs - 1}");
        }
        var unique = rows.Distinct().Order().ToArray();
        var ranges = Runs(unique);
        Matrix sorted;
        if (Root.KindOf("X") == H5ObjectKind.Dataset)
        {
            using var d = Root.OpenDataset("X");
            if (d.Rank != 2) throw ElementErrors.Bad(d, "X is not 2-D");
            var cols = checked((int)d.Shape[1]);
            var data = new float[(long)unique.Length * cols];
            d.ReadRanges<float>(ranges.Select(r => ((long)r.Start, (long)r.Count)).ToArray(), data);
            sorted = new DenseMatrix(unique.Length, cols, data) { SourceDtype = d.Type.NumpyName };
        }
        else
        {
            using var g = Root.OpenGroup("X");
            var format = SparseEncoding.FormatOf(g);
            if (format != "csr")
            {
                var whole = ReadMatrix(Root, "X");
                var csr = whole as CsrMatrix ?? ((CscMatrix)whole).ToCsr();
                return csr.SliceRows(rows);
            }
            sorted = ReadCsrRows(g, unique, ranges);
        }
        if (unique.Length == rows.Count && unique.SequenceEqual(rows)) return sorted;
        var position = new Dictionary<int, int>(unique.Length);
        for (var i = 0; i < unique.Length; i++) position[unique[i]] = i;
        var order = rows.Select(r => position[r]).ToArray();
        return sorted is CsrMatrix c ? c.SliceRows(order) : sorted.ToDense(order);
    }

    private static CsrMatrix ReadCsrRows(H5Group g, int[] unique, List<(int Start, int Count)> runs)
    {
        var (nRows, nCols) = SparseEncoding.ShapeOf(g);
        var indptr = SparseEncoding.ReadIndptr(g, nRows);
        var outPtr = new int[unique.Length + 1];
        for (var i = 0; i < unique.Length; i++) outPtr[i + 1] = checked(outPtr[i] + indptr[unique[i] + 1] - indptr[unique[i]]);
        var spans = runs.Select(r => ((long)indptr[r.Start], (long)(indptr[r.Start + r.Count] - indptr[r.Start])))
            .Where(s => s.Item2 > 0).ToArray();
        var indices = new int[outPtr[^1]];
        var data = new float[outPtr[^1]];
        using var dataDs = g.OpenDataset("data");
        using var indicesDs = g.OpenDataset("indices");
        indicesDs.ReadRanges<int>(spans, indices);
        SparseEncoding.CheckIndices(g, indices, nCols);
        dataDs.ReadRanges<float>(spans, data);
        return new CsrMatrix(unique.Length, nCols, outPtr, indices, data) { SourceDtype = dataDs.Type.NumpyName };
    }

    // Consecutive row numbers merged into (start, count) runs: one hyperslab block each.
    private static List<(int Start, int Count)> Runs(int[] sortedUnique)
    {
        var runs = new List<(int Start, int Count)>();
        foreach (var r in sortedUnique)
        {
            if (runs.Count > 0 && runs[^1].Start + runs[^1].Count == r) runs[^1] = (runs[^1].Start, runs[^1].Count + 1);
            else runs.Add((r, 1));
        }
        return runs;
    }

    private IReadOnlyList<string> NamesIn(string key)
    {
        if (!Root.Exists(key)) return [];
        if (Root.KindOf(key) != H5ObjectKind.Group) return []; // legacy compound obsm: see ObsmShapes
        using var g = Root.OpenGroup(key);
        return g.ChildNames();
    }

    /// <summary>Names of the layers.</summary>
    public IReadOnlyList<string> LayerNames => NamesIn("layers");

    /// <summary>One layer.</summary>
    public Matrix ReadLayer(string name)
    {
        using var g = Root.OpenGroup("layers");
        return ReadMatrix(g, name);
    }

    private Dictionary<string, DenseMatrix> ReadAxisArrays(string key)
    {
        var result = new Dictionary<string, DenseMatrix>(StringComparer.Ordinal);
        if (!Root.Exists(key)) return result;
        if (Root.KindOf(key) == H5ObjectKind.Dataset)
        {
            using var d = Root.OpenDataset(key);
            if (_reader.Read(d) is RecordArray rec)
                foreach (var (name, values) in rec.Fields) result[name] = ColumnValues.ToDense(values, d, name);
            return result;
        }
        using var g = Root.OpenGroup(key);
        foreach (var name in g.ChildNames()) result[name] = ColumnValues.ToDense(_reader.Read(g, name), g, name);
        return result;
    }

    private Dictionary<string, Matrix> ReadMatrices(string key)
    {
        var result = new Dictionary<string, Matrix>(StringComparer.Ordinal);
        if (!Root.Exists(key)) return result;
        using var g = Root.OpenGroup(key);
        foreach (var name in g.ChildNames()) result[name] = ReadMatrix(g, name);
        return result;
    }

    /// <summary>The whole file as an <see cref="AnnotatedData"/> (X left null when <paramref name="loadX"/> is false).</summary>
    public AnnotatedData Read(bool loadX = true)
    {
        var obs = ReadObs();
        var var = ReadVar();
        var x = loadX ? ReadX() : null;
        if (x is not null && (x.Rows != obs.Count || x.Cols != var.Count))
            throw new Hdf5Exception(Path, "/X", $"shape is {x.Rows}x{x.Cols}, but obs has {obs.Count} rows and var {var.Count}");
        var adata = new AnnotatedData(x, obs, var);
        foreach (var (k, v) in ReadMatrices("layers")) adata.Layers[k] = v;
        foreach (var (k, v) in ReadAxisArrays("obsm")) adata.Obsm[k] = v;
        foreach (var (k, v) in ReadAxisArrays("varm")) adata.Varm[k] = v;
        foreach (var (k, v) in ReadMatrices("obsp")) adata.Obsp[k] = v;
        foreach (var (k, v) in _movedObsp!) adata.Obsp[k] = v;
        foreach (var (k, v) in ReadUns()) adata.Uns[k] = v;
        adata.Raw = ReadRaw();
        return adata;
    }

    /// <summary>raw (group "raw", or anndata &lt; 0.7's "raw.X"/"raw.var"), or null.</summary>
    public RawData? ReadRaw()
    {
        if (Root.Exists("raw"))
        {
            using var raw = Root.OpenGroup("raw");
            var x = raw.Exists("X") ? ReadMatrix(raw, "X") : null;
            var var = raw.Exists("var") ? ReadFrame(raw, "var") : new DataFrame(Enumerable.Range(0, x?.Cols ?? 0).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            return new RawData(x, var);
        }
        if (Root.Exists("raw.X") || Root.Exists("raw.var"))
        {
            var x = Root.Exists("raw.X") ? ReadMatrix(Root, "raw.X") : null;
            var var = Root.Exists("raw.var") ? ReadFrame(Root, "raw.var") : new DataFrame(Enumerable.Range(0, x?.Cols ?? 0).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            return new RawData(x, var);
        }
        return null;
    }

    /// <summary>The inspect summary (issue 2 item 4), as anndata would report it; X is summed in chunks, not loaded.</summary>
    public InspectSummary Inspect()
    {
        var obs = ReadObs();
        var var = ReadVar();
        var (nnz, sum) = HasX ? SumX() : (0L, 0.0);
        var obsp = NamesIn("obsp").Concat(_movedObsp!.Keys).ToArray();
        return new InspectSummary(
            obs.Count, var.Count, XEncoding, XDtype, nnz, sum,
            Summaries(obs), Summaries(var),
            LayerNames.ToArray(), ObsmShapes(), obsp, ReadUns().Keys.ToArray(), RawShape(),
            obs.Count > 0 ? obs.Index[0] : null, var.Count > 0 ? var.Index[0] : null);
    }

    private static Dictionary<string, ColumnSummary> Summaries(DataFrame df) =>
        df.Columns.ToDictionary(c => c.Name, c => new ColumnSummary(c.PandasDtype, DistinctCount(c)));

    // pandas' Series.nunique() (dropna=True), which anndata's obs/var are: missing values (NaN, masked, code -1) are
    // not counted, and 0.0 and -0.0 are one value (they compare equal).
    private static int DistinctCount(Column c) => c switch
    {
        CategoricalColumn k => k.Codes.Where(x => x >= 0).Distinct().Count(),
        NumericColumn n => n.Values.Where(v => !double.IsNaN(v)).Select(v => v == 0 ? 0.0 : v).Distinct().Count(),
        _ => Enumerable.Range(0, c.Length).Select(c.GetString).Where(s => s is not null).Distinct(StringComparer.Ordinal).Count(),
    };

    private Dictionary<string, long[]> ObsmShapes()
    {
        var result = new Dictionary<string, long[]>(StringComparer.Ordinal);
        if (!Root.Exists("obsm")) return result;
        if (Root.KindOf("obsm") == H5ObjectKind.Dataset)
        {
            using var legacy = Root.OpenDataset("obsm");
            foreach (var m in legacy.Type.Members) result[m.Name] = [legacy.Length, m.Type.ArrayLength];
            return result;
        }
        using var g = Root.OpenGroup("obsm");
        foreach (var name in g.ChildNames()) result[name] = ShapeOf(g, name);
        return result;
    }

    private long[] ShapeOf(H5Group parent, string key)
    {
        if (parent.KindOf(key) == H5ObjectKind.Dataset)
        {
            using var d = parent.OpenDataset(key);
            return d.Shape;
        }
        using var g = parent.OpenGroup(key);
        if (SparseEncoding.FormatOf(g) is not null)
        {
            var (r, c) = SparseEncoding.ShapeOf(g);
            return [r, c];
        }
        if (_reader.Spec(g).Type == "dataframe")
        {
            var df = ReadFrame(parent, key);
            return [df.Count, df.Columns.Count];
        }
        throw ElementErrors.Bad(g, "has no shape (not an array, sparse matrix or dataframe)");
    }

    private int[]? RawShape()
    {
        if (Root.Exists("raw"))
        {
            using var raw = Root.OpenGroup("raw");
            if (raw.Exists("X")) return ShapeOf(raw, "X").Select(x => checked((int)x)).ToArray();
            return [NObs, checked((int)IndexLengthIn(raw, "var"))];
        }
        if (Root.Exists("raw.X")) return ShapeOf(Root, "raw.X").Select(x => checked((int)x)).ToArray();
        return null;
    }

    private static long IndexLengthIn(H5Group parent, string key)
    {
        using var g = parent.OpenGroup(key);
        using var ds = g.OpenDataset(g.ReadStringAttribute("_index") ?? "_index");
        return ds.Length;
    }

    // Stored values of X and their float64 sum (Neumaier-compensated, close to numpy's pairwise sum), read in slices.
    private (long Nnz, double Sum) SumX()
    {
        H5Dataset data;
        H5Group? group = null;
        if (Root.KindOf("X") == H5ObjectKind.Dataset)
        {
            data = Root.OpenDataset("X");
        }
        else
        {
            group = Root.OpenGroup("X");
            data = group.OpenDataset("data");
        }
        using (group)
        using (data)
        {
            var length = data.Rank == 0 ? 1 : data.Shape[0];
            var row = data.Rank <= 1 ? 1 : data.Length / Math.Max(length, 1);
            var step = Math.Max(1, (1L << 22) / Math.Max(row, 1));
            var buf = new double[step * row];
            double sum = 0, comp = 0;
            for (long start = 0; start < length; start += step)
            {
                var count = Math.Min(step, length - start);
                var span = buf.AsSpan(0, (int)(count * row));
                data.ReadSlice<double>(start, count, span);
                foreach (var v in span)
                {
                    var t = sum + v;
                    comp += Math.Abs(sum) >= Math.Abs(v) ? (sum - t) + v : (v - t) + sum;
                    sum = t;
                }
            }
            return (data.Length, sum + comp);
        }
    }

    public void Dispose() => _file.Dispose();
}
