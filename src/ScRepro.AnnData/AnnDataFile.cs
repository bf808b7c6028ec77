namespace ScRepro.AnnData;

/// <summary>Reads and writes .h5ad files (HDF5, anndata's on-disk format). Implemented over ScRepro.Hdf5.</summary>
public static class AnnDataFile
{
    /// <summary>Reads the whole file (X included unless <paramref name="loadX"/> is false).</summary>
    public static AnnData Read(string path, bool loadX = true) =>
        throw new NotImplementedException("AnnData reader: issue #2");

    /// <summary>Writes <paramref name="adata"/> so that anndata reads it back unchanged (temp name, then rename).</summary>
    public static void Write(string path, AnnData adata) =>
        throw new NotImplementedException("AnnData writer: issue #2");
}
