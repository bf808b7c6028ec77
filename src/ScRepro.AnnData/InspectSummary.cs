namespace ScRepro.AnnData;

/// <summary>
/// `screpro data inspect --json`: exactly the keys of issue 2 item 4, each as anndata reports it
/// (JSON names are the snake_case of the property names).
/// </summary>
public sealed record InspectSummary(
    int NObs,
    int NVars,
    string? XEncoding,
    string? XDtype,
    long XNnz,
    double XSum,
    Dictionary<string, ColumnSummary> ObsColumns,
    Dictionary<string, ColumnSummary> VarColumns,
    string[] Layers,
    Dictionary<string, long[]> Obsm,
    string[] Obsp,
    string[] UnsKeys,
    int[]? RawShape,
    string? ObsNamesFirst,
    string? VarNamesFirst);

/// <summary>A column's pandas dtype name and its number of distinct non-missing values (pandas' nunique(dropna=True)).</summary>
public sealed record ColumnSummary(string Dtype, int? NUnique);
