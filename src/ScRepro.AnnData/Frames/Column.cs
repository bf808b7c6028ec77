namespace ScRepro.AnnData.Frames;

/// <summary>One obs/var column. Subclasses mirror the pandas dtypes anndata writes.</summary>
public abstract class Column
{
    protected Column(string name) => Name = name;
    public string Name { get; }
    public abstract int Length { get; }

    /// <summary>pandas' dtype name: float32, int64, bool, category, object, Int64, boolean …</summary>
    public abstract string PandasDtype { get; }

    /// <summary>The value at <paramref name="i"/> as a string (null when missing), for labels and grouping.</summary>
    public abstract string? GetString(int i);
}

/// <summary>A plain numeric column (float32/64, int8…int64, uint…).</summary>
public sealed class NumericColumn : Column
{
    public NumericColumn(string name, double[] values, string dtype = "float64") : base(name)
    {
        Values = values;
        PandasDtype = dtype;
    }
    /// <summary>Values widened to double; <see cref="PandasDtype"/> keeps the on-disk type.</summary>
    public double[] Values { get; }
    public override int Length => Values.Length;
    public override string PandasDtype { get; }
    /// <summary>The value as text; null for NaN in a float column, which pandas reads as missing (never a label "NaN").</summary>
    public override string? GetString(int i) =>
        PandasDtype.StartsWith("float", StringComparison.Ordinal)
            ? double.IsNaN(Values[i]) ? null : Values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            : ((long)Values[i]).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class BoolColumn : Column
{
    public BoolColumn(string name, bool[] values) : base(name) => Values = values;
    public bool[] Values { get; }
    public override int Length => Values.Length;
    public override string PandasDtype => "bool";
    public override string? GetString(int i) => Values[i] ? "True" : "False";
}

/// <summary>Strings (pandas object dtype); null marks a missing value.</summary>
public sealed class StringColumn : Column
{
    public StringColumn(string name, string?[] values) : base(name) => Values = values;
    public string?[] Values { get; }
    public override int Length => Values.Length;
    public override string PandasDtype => "object";
    public override string? GetString(int i) => Values[i];
}

/// <summary>pandas Categorical: codes into categories, -1 for missing.</summary>
public sealed class CategoricalColumn : Column
{
    public CategoricalColumn(string name, int[] codes, string[] categories, bool ordered = false) : base(name)
    {
        Codes = codes;
        Categories = categories;
        Ordered = ordered;
    }
    public int[] Codes { get; }
    public string[] Categories { get; }
    public bool Ordered { get; }
    public override int Length => Codes.Length;
    public override string PandasDtype => "category";
    public override string? GetString(int i) => Codes[i] < 0 ? null : Categories[Codes[i]];

    /// <summary>Builds a categorical from labels with categories in sorted (ordinal) order, as pandas does.</summary>
    public static CategoricalColumn FromLabels(string name, IReadOnlyList<string?> labels)
    {
        var cats = labels.Where(l => l is not null).Select(l => l!).Distinct().Order(StringComparer.Ordinal).ToArray();
        var lookup = cats.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
        var codes = labels.Select(l => l is null ? -1 : lookup[l]).ToArray();
        return new CategoricalColumn(name, codes, cats);
    }
}

/// <summary>pandas nullable Int64 / boolean: values plus a mask (true = missing).</summary>
public sealed class NullableColumn : Column
{
    public NullableColumn(string name, long[] values, bool[] mask, bool isBoolean) : base(name)
    {
        Values = values;
        Mask = mask;
        IsBoolean = isBoolean;
    }
    public long[] Values { get; }
    public bool[] Mask { get; }
    public bool IsBoolean { get; }
    public override int Length => Values.Length;
    public override string PandasDtype => IsBoolean ? "boolean" : "Int64";
    public override string? GetString(int i) =>
        Mask[i] ? null : IsBoolean ? (Values[i] != 0 ? "True" : "False")
                       : Values[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
}
