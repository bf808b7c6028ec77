using ScRepro.AnnData.Matrices;
using ScRepro.Hdf5;

namespace ScRepro.AnnData.Encodings;

/// <summary>
/// "csr_matrix"/"csc_matrix" 0.1.0 (fileformat-prose.md: a group holding data, indices and indptr, with a shape
/// attribute) and the legacy h5sparse groups (h5sparse_format / h5sparse_shape attributes, anndata &lt; 0.7).
/// </summary>
internal static class SparseEncoding
{
    public static readonly IOSpec Csr = new("csr_matrix", "0.1.0");
    public static readonly IOSpec Csc = new("csc_matrix", "0.1.0");

    /// <summary>"csr" or "csc" for a sparse group of either encoding; null when the group is not a sparse matrix.</summary>
    public static string? FormatOf(H5Group g)
    {
        var type = g.ReadStringAttribute("encoding-type");
        if (type is "csr_matrix" or "csc_matrix") return type[..3];
        return g.HasAttribute("h5sparse_format") ? g.ReadStringAttribute("h5sparse_format") : null;
    }

    /// <summary>(rows, cols) from the shape (or legacy h5sparse_shape) attribute.</summary>
    public static (int Rows, int Cols) ShapeOf(H5Group g)
    {
        var name = g.HasAttribute("shape") ? "shape" : "h5sparse_shape";
        if (!g.HasAttribute(name)) throw ElementErrors.Bad(g, "sparse matrix has no 'shape' attribute");
        var shape = g.ReadInt64ArrayAttribute(name);
        if (shape.Length != 2) throw ElementErrors.Bad(g, $"attribute '{name}' has {shape.Length} entries, expected 2");
        return (checked((int)shape[0]), checked((int)shape[1]));
    }

    public static Matrix Read(H5Group g)
    {
        var format = FormatOf(g) ?? throw ElementErrors.Bad(g, "is not a sparse matrix");
        var (rows, cols) = ShapeOf(g);
        var major = format == "csr" ? rows : cols;
        using var data = g.OpenDataset("data");
        using var indices = g.OpenDataset("indices");
        var indptr = ReadIndptr(g, major);
        var nnz = indptr[major];
        if (data.Length != nnz || indices.Length != nnz)
            throw ElementErrors.Bad(g, $"indptr ends at {nnz} but data has {data.Length} and indices {indices.Length} values");
        var (values, wide) = ArrayEncoding.ReadFloats(data);
        var idx = indices.Read<int>();
        CheckIndices(g, idx, format == "csr" ? cols : rows);
        var dtype = data.Type.NumpyName;
        return format switch
        {
            "csr" => new CsrMatrix(rows, cols, indptr, idx, values) { SourceDtype = dtype, Float64Data = wide },
            "csc" => new CscMatrix(rows, cols, indptr, idx, values) { SourceDtype = dtype, Float64Data = wide },
            _ => throw ElementErrors.Bad(g, $"unknown sparse format '{format}'"),
        };
    }

    /// <summary>
    /// Every minor index in 0..<paramref name="minor"/>-1, as scipy's check_format demands: an index out of range would
    /// otherwise surface much later as an IndexOutOfRangeException naming no file.
    /// </summary>
    public static void CheckIndices(H5Group g, ReadOnlySpan<int> indices, int minor)
    {
        // One vectorised scan (the scalar loop it replaced cost ~10 ms of a 30 M-value read; the first offender is
        // still the one named).
        var k = minor <= 0 ? (indices.IsEmpty ? -1 : 0) : indices.IndexOfAnyExceptInRange(0, minor - 1);
        if (k >= 0)
            throw ElementErrors.Bad(g, $"indices[{k}] = {indices[k]} is outside 0..{minor - 1} (the matrix has {minor} {(FormatOf(g) == "csc" ? "rows" : "columns")})");
    }

    /// <summary>indptr as int32 (checked: our matrices index with int), validated to start at 0 and never decrease.</summary>
    public static int[] ReadIndptr(H5Group g, int major)
    {
        using var ds = g.OpenDataset("indptr");
        if (ds.Length != major + 1) throw ElementErrors.Bad(g, $"indptr has {ds.Length} entries, expected {major + 1}");
        var wide = ds.Read<long>();
        var result = new int[wide.Length];
        for (var i = 0; i < wide.Length; i++)
        {
            if (wide[i] > int.MaxValue) throw ElementErrors.Bad(g, $"has {wide[i]} stored values; more than 2^31 are not supported");
            if (i == 0 && wide[0] != 0) throw ElementErrors.Bad(g, $"indptr starts at {wide[0]}, not 0");
            if (i > 0 && wide[i] < wide[i - 1]) throw ElementErrors.Bad(g, $"indptr decreases at entry {i}");
            result[i] = (int)wide[i];
        }
        return result;
    }

    public static H5Group Write(H5Group parent, string key, Matrix m, H5WriteOptions o)
    {
        var (indptr, indices, data) = m switch
        {
            CsrMatrix csr => (csr.IndPtr, csr.Indices, csr.Data),
            CscMatrix csc => (csc.IndPtr, csc.Indices, csc.Data),
            _ => throw new ArgumentException("not a sparse matrix"),
        };
        var major = m is CsrMatrix ? m.Rows : m.Cols;
        var nnz = indptr[major];
        var g = parent.CreateGroup(key);
        g.WriteInt64ArrayAttribute("shape", [m.Rows, m.Cols]);
        using (ArrayEncoding.WriteFloats(g, "data", data.AsSpan(0, nnz), m.Float64Data, [nnz], m.SourceDtype, o)) { }
        using (g.CreateDataset<int>("indices", indices.AsSpan(0, nnz), [nnz], o)) { }
        using (g.CreateDataset<int>("indptr", indptr, [indptr.Length], o)) { }
        return g;
    }
}
