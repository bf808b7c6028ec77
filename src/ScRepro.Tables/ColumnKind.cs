namespace ScRepro.Tables;

/// <summary>The value types a <see cref="TableColumn"/> holds; each is an OPTIONAL Parquet column (nulls allowed).</summary>
public enum ColumnKind
{
    /// <summary>UTF-8 strings (Parquet BYTE_ARRAY, logical type STRING).</summary>
    Text,

    /// <summary>IEEE doubles (Parquet DOUBLE): NaN and ±infinity are values, distinct from null.</summary>
    Float64,

    /// <summary>Signed 64-bit integers (Parquet INT64).</summary>
    Int64,
}
