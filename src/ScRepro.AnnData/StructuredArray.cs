namespace ScRepro.AnnData;

/// <summary>
/// A numpy structured array (anndata's "rec-array" encoding) kept in uns, such as scanpy's
/// rank_genes_groups["names"]: one row per record, one named field per column. Field values are string[],
/// double[], float[], long[], int[], bool[], or a DenseMatrix for array-valued fields.
/// </summary>
public sealed record StructuredArray(int Length, IReadOnlyList<StructuredField> Fields);

/// <summary>One field of a <see cref="StructuredArray"/>.</summary>
public sealed record StructuredField(string Name, object Values);
