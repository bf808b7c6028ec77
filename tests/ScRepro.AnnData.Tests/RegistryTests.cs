using ScRepro.AnnData.Encodings;
using ScRepro.Hdf5;

namespace ScRepro.AnnData.Tests;

/// <summary>The encoding tables (style-anchors §4): what is supported is listed, and every write has a read.</summary>
public sealed class RegistryTests
{
    [Fact]
    public void Should_read_every_encoding_anndata_0_8_registers_for_hdf5()
    {
        // The (storage, encoding-type, encoding-version) triples of anndata 0.8.0's _io/specs/methods.py for h5py,
        // plus the legacy ("", "") entries for groups and datasets.
        (H5ObjectKind, string, string)[] anndata =
        [
            (H5ObjectKind.Dataset, "array", "0.2.0"), (H5ObjectKind.Dataset, "string-array", "0.2.0"),
            (H5ObjectKind.Dataset, "rec-array", "0.2.0"), (H5ObjectKind.Dataset, "numeric-scalar", "0.2.0"),
            (H5ObjectKind.Dataset, "string", "0.2.0"), (H5ObjectKind.Group, "csr_matrix", "0.1.0"),
            (H5ObjectKind.Group, "csc_matrix", "0.1.0"), (H5ObjectKind.Group, "dataframe", "0.2.0"),
            (H5ObjectKind.Group, "dataframe", "0.1.0"), (H5ObjectKind.Group, "categorical", "0.2.0"),
            (H5ObjectKind.Group, "nullable-integer", "0.1.0"), (H5ObjectKind.Group, "nullable-boolean", "0.1.0"),
            (H5ObjectKind.Group, "dict", "0.1.0"), (H5ObjectKind.Group, "", ""), (H5ObjectKind.Dataset, "", ""),
        ];
        foreach (var (kind, type, version) in anndata)
            Assert.NotNull(ElementRegistry.FindReader(kind, new IOSpec(type, version)));
        Assert.Null(ElementRegistry.FindReader(H5ObjectKind.Group, new IOSpec("awkward-array", "0.1.0")));
    }

    [Fact]
    public void Should_only_write_encodings_it_can_read()
    {
        var readable = ElementRegistry.Readers.Select(r => r.Spec).ToHashSet();
        Assert.All(ElementRegistry.Writers, w => Assert.Contains(w.SpecFor(Sample(w.Source)), readable));
        Assert.Equal(ElementRegistry.Writers.Count, ElementRegistry.Writers.Select(w => w.Source).Distinct().Count());
    }

    private static object Sample(Type t) =>
        t == typeof(string) ? "s" : t == typeof(bool) ? true : t == typeof(double) ? 1.0 : t == typeof(float) ? 1f
        : t == typeof(long) ? 1L : t == typeof(int) ? 1
        : t == typeof(Frames.NullableColumn) ? new Frames.NullableColumn("n", [1], [false], false)
        : t == typeof(Frames.StringColumn) ? new Frames.StringColumn("s", ["a"])
        : t.IsArray ? Array.CreateInstance(t.GetElementType()!, 0)
        : System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t);
}
