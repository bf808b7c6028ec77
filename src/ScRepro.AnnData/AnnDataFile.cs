using ScRepro.AnnData.Encodings;
using ScRepro.Foundation.IO;
using ScRepro.Hdf5;

namespace ScRepro.AnnData;

/// <summary>Reads and writes .h5ad files (HDF5, anndata's on-disk format). Implemented over ScRepro.Hdf5.</summary>
public static class AnnDataFile
{
    /// <summary>Reads the whole file (X included unless <paramref name="loadX"/> is false).</summary>
    public static AnnotatedData Read(string path, bool loadX = true)
    {
        using var reader = Open(path);
        return reader.Read(loadX);
    }

    /// <summary>Opens the file for lazy, element-by-element reads (obs/var without X, a row subset of X).</summary>
    public static H5adReader Open(string path) => new(path);

    /// <summary>The `screpro data inspect` summary of a file.</summary>
    public static InspectSummary Inspect(string path)
    {
        using var reader = Open(path);
        return reader.Inspect();
    }

    /// <summary>Writes <paramref name="adata"/> so that anndata reads it back unchanged (temp name, then rename).</summary>
    public static void Write(string path, AnnotatedData adata) => Write(path, adata, gzip: false);

    /// <summary>
    /// Writes <paramref name="adata"/> in anndata 0.8's encoding; with <paramref name="gzip"/>, every array is chunked
    /// and gzip-compressed (level 4, h5py's default). Byte-deterministic: no object timestamps, fixed file-format bounds.
    /// </summary>
    public static void Write(string path, AnnotatedData adata, bool gzip)
    {
        var options = gzip ? new H5WriteOptions(Gzip: true) : H5WriteOptions.Default;
        AtomicFile.WriteVia(path, tmp =>
        {
            using var file = H5File.Create(tmp);
            WriteRoot(file.Root, adata, options);
        });
    }

    private static void WriteRoot(H5Group root, AnnotatedData a, H5WriteOptions o)
    {
        ElementWriter.Write(root, "X", a.X, o);
        ElementWriter.Write(root, "obs", a.Obs, o);
        ElementWriter.Write(root, "var", a.Var, o);
        ElementWriter.Write(root, "obsm", ToDict(a.Obsm), o);
        ElementWriter.Write(root, "varm", ToDict(a.Varm), o);
        ElementWriter.Write(root, "obsp", ToDict(a.Obsp), o);
        ElementWriter.Write(root, "varp", new Dictionary<string, object?>(), o);
        ElementWriter.Write(root, "layers", ToDict(a.Layers), o);
        ElementWriter.Write(root, "uns", a.Uns, o);
        if (a.Raw is { } raw)
        {
            using var g = root.CreateGroup("raw");
            ElementWriter.Write(g, "X", raw.X, o);
            ElementWriter.Write(g, "var", raw.Var, o);
            ElementWriter.Write(g, "varm", new Dictionary<string, object?>(), o);
            ElementWriter.Stamp(g, new IOSpec("raw", "0.1.0"));
        }
        root.WriteStringAttribute("encoding-type", "anndata");
        root.WriteStringAttribute("encoding-version", "0.1.0");
    }

    private static Dictionary<string, object?> ToDict<T>(Dictionary<string, T> d) =>
        d.ToDictionary(kv => kv.Key, kv => (object?)kv.Value, StringComparer.Ordinal);
}
