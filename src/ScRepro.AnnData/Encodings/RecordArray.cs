namespace ScRepro.AnnData.Encodings;

/// <summary>
/// A numpy structured array (HDF5 compound dataset): anndata &lt; 0.7 dataframes, obsm/varm, and scanpy's
/// rank_genes_groups rec-arrays. Each field is an <see cref="ArrayValue"/> or, for array-valued fields, a DenseMatrix.
/// </summary>
internal sealed record RecordArray(int Length, IReadOnlyList<(string Name, object Values)> Fields);
