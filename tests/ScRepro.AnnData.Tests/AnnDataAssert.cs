using ScRepro.AnnData.Frames;
using ScRepro.AnnData.Matrices;

namespace ScRepro.AnnData.Tests;

/// <summary>Deep equality of two AnnData objects: every element, value and dtype.</summary>
internal static class AnnDataAssert
{
    public static void Equal(AnnotatedData e, AnnotatedData a)
    {
        Matrix(e.X, a.X, "X");
        Frame(e.Obs, a.Obs, "obs");
        Frame(e.Var, a.Var, "var");
        Keys(e.Layers, a.Layers, "layers", (x, y, k) => Matrix(x, y, k));
        Keys(e.Obsm, a.Obsm, "obsm", (x, y, k) => Matrix(x, y, k));
        Keys(e.Varm, a.Varm, "varm", (x, y, k) => Matrix(x, y, k));
        Keys(e.Obsp, a.Obsp, "obsp", (x, y, k) => Matrix(x, y, k));
        Value(e.Uns, a.Uns, "uns");
        Assert.Equal(e.Raw is null, a.Raw is null);
        if (e.Raw is not null)
        {
            Matrix(e.Raw.X, a.Raw!.X, "raw/X");
            Frame(e.Raw.Var, a.Raw.Var, "raw/var");
        }
    }

    private static void Keys<T>(Dictionary<string, T> e, Dictionary<string, T> a, string what, Action<T, T, string> each)
    {
        Assert.Equal(e.Keys.Order(StringComparer.Ordinal), a.Keys.Order(StringComparer.Ordinal));
        foreach (var k in e.Keys) each(e[k], a[k], $"{what}/{k}");
    }

    public static void Matrix(Matrix? e, Matrix? a, string what)
    {
        if (e is null) { Assert.Null(a); return; }
        Assert.NotNull(a);
        Assert.True(e.GetType() == a!.GetType(), $"{what}: {e.GetType().Name} vs {a.GetType().Name}");
        Assert.Equal((e.Rows, e.Cols, e.SourceDtype), (a.Rows, a.Cols, a.SourceDtype));
        switch (e)
        {
            case CsrMatrix c:
                var d = (CsrMatrix)a;
                Assert.Equal(c.IndPtr, d.IndPtr);
                Assert.Equal(c.Indices.AsSpan(0, (int)c.Nnz).ToArray(), d.Indices);
                Assert.Equal(c.Data.AsSpan(0, (int)c.Nnz).ToArray(), d.Data);
                break;
            case CscMatrix c:
                var s = (CscMatrix)a;
                Assert.Equal(c.IndPtr, s.IndPtr);
                Assert.Equal(c.Indices, s.Indices);
                Assert.Equal(c.Data, s.Data);
                break;
            case DenseMatrix m:
                Assert.Equal(m.Data, ((DenseMatrix)a).Data);
                break;
        }
    }

    public static void Frame(DataFrame e, DataFrame a, string what)
    {
        Assert.Equal(e.Index, a.Index);
        Assert.Equal(e.IndexName, a.IndexName);
        Assert.Equal(e.Columns.Select(c => (c.Name, c.PandasDtype)), a.Columns.Select(c => (c.Name, c.PandasDtype)));
        foreach (var c in e.Columns)
        {
            var d = a[c.Name];
            switch (c)
            {
                case NumericColumn n: Assert.Equal(n.Values, ((NumericColumn)d).Values); break;
                case BoolColumn b: Assert.Equal(b.Values, ((BoolColumn)d).Values); break;
                case StringColumn s: Assert.Equal(s.Values, ((StringColumn)d).Values); break;
                case CategoricalColumn k:
                    var k2 = (CategoricalColumn)d;
                    Assert.Equal(k.Codes, k2.Codes);
                    Assert.Equal(k.Categories, k2.Categories);
                    Assert.Equal(k.Ordered, k2.Ordered);
                    break;
                case NullableColumn m:
                    var m2 = (NullableColumn)d;
                    Assert.Equal(m.Mask, m2.Mask);
                    Assert.Equal(m.Values.Where((_, i) => !m.Mask[i]), m2.Values.Where((_, i) => !m2.Mask[i]));
                    Assert.Equal(m.IsBoolean, m2.IsBoolean);
                    break;
            }
        }
    }

    private static void Value(object? e, object? a, string what)
    {
        switch (e)
        {
            case Dictionary<string, object?> d:
                var d2 = Assert.IsType<Dictionary<string, object?>>(a);
                Assert.Equal(d.Keys.Order(StringComparer.Ordinal), d2.Keys.Order(StringComparer.Ordinal));
                foreach (var k in d.Keys) Value(d[k], d2[k], $"{what}/{k}");
                break;
            case Matrix m:
                Matrix(m, (Matrix?)a, what);
                break;
            case StructuredArray r:
                var r2 = Assert.IsType<StructuredArray>(a);
                Assert.Equal(r.Length, r2.Length);
                Assert.Equal(r.Fields.Select(f => f.Name), r2.Fields.Select(f => f.Name));
                for (var i = 0; i < r.Fields.Count; i++) Value(r.Fields[i].Values, r2.Fields[i].Values, $"{what}/{r.Fields[i].Name}");
                break;
            case Array arr:
                Assert.True(arr.GetType() == a?.GetType(), $"{what}: {arr.GetType().Name} vs {a?.GetType().Name}");
                Assert.Equal(arr.Cast<object>(), ((Array)a!).Cast<object>());
                break;
            default:
                Assert.Equal(e, a);
                break;
        }
    }
}
