using ScRepro.Hdf5;
using ScRepro.Hdf5.Native;
using ScRepro.Testing;
using static ScRepro.AnnData.Tests.H5Formulas;

namespace ScRepro.AnnData.Tests;

/// <summary>
/// The segmented positioned read of contiguous datasets, on files h5py 3.7 wrote (tests/fixtures/anndata/chunked,
/// made by scripts/make_chunked.py) and on a 40 MB one our writer makes. Expected values are the script's formulas of
/// the element index (<see cref="H5Formulas"/>). Each case also says whether the path took the read or left it to
/// libhdf5; the fixtures are small, so they are read with the size floor at zero.
/// </summary>
public sealed class ContiguousReadTests
{

    private static bool TryRead<T>(string fixture, string dataset, T[] into) where T : unmanaged
    {
        using var file = H5File.OpenRead(Fixture(fixture));
        using var ds = file.Root.OpenDataset(dataset);
        return ContiguousRead.TryRead<T>(ds, into, H5Globals.NativeTypeOf<T>(), minBytes: 0);
    }

    [Fact]
    public void Should_read_one_and_two_dimensional_datasets_exactly()
    {
        var f32 = new float[N];
        Assert.True(TryRead("contiguous.h5", "f32", f32));
        Assert.Equal(Values(F32), f32);
        var i64 = new long[N];
        Assert.True(TryRead("contiguous.h5", "i64_rows", i64));
        Assert.Equal(Values(I64), i64);
    }

    [Fact]
    public void Should_find_the_data_behind_a_user_block()
    {
        // userblock_size=1024: HDF5 addresses start after it, file offsets do not.
        var i32 = new int[N];
        Assert.True(TryRead("contiguous_userblock.h5", "i32", i32));
        Assert.Equal(Values(I32), i32);
    }

    [Fact]
    public void Should_leave_conversions_unwritten_data_and_chunked_layouts_to_libhdf5()
    {
        Assert.False(TryRead("contiguous.h5", "f64", new float[N]));            // float64 on disk, float32 asked
        Assert.False(TryRead("contiguous.h5", "f32_unwritten", new float[N]));  // no storage: the fill value
        Assert.False(TryRead("chunked.h5", "f32_gzip", new float[N]));          // chunked: ChunkedRead's
        using var file = H5File.OpenRead(Fixture("contiguous.h5"));
        using var ds = file.Root.OpenDataset("f32_unwritten");
        Assert.Equal(new float[N], ds.Read<float>());
    }

    [Fact]
    public void Should_name_the_file_and_dataset_when_the_data_is_cut_short()
    {
        // libhdf5 will not open a file shorter than its superblock says, so the copy is cut after it is opened,
        // halfway through the dataset's data.
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("cut.h5");
        File.Copy(Fixture("contiguous.h5"), path);
        using var file = H5File.OpenRead(path);
        using var ds = file.Root.OpenDataset("f32");
        using (var fs = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            fs.SetLength((long)H5Native.H5Dget_offset(ds.Handle.Id) + 4 * N / 2);
        var e = Assert.Throws<Hdf5Exception>(() => ContiguousRead.TryRead<float>(ds, new float[N], H5Globals.NativeTypeOf<float>(), minBytes: 0));
        AssertNames(e, "cut.h5", "/f32", "truncated");
    }

    [Fact]
    public void Should_read_a_dataset_of_several_segments_as_written_and_only_from_a_read_only_file()
    {
        // 10 M float32 (40 MB, five 8 MiB segments, the last partial), written by our writer without compression.
        using var dir = TestPaths.NewTempDir();
        var values = Enumerable.Range(0, 10_000_000).Select(i => i * 0.25f - 7f).ToArray();
        using (var file = H5File.Create(dir.File("plain.h5")))
        {
            using var written = file.Root.CreateDataset<float>("x", values, [values.Length], H5WriteOptions.Default);
            // Open for writing: the bytes on disk may not be all there is yet, so libhdf5 reads.
            Assert.False(ContiguousRead.TryRead<float>(written, new float[values.Length], H5Globals.NativeTypeOf<float>()));
        }
        using var reread = H5File.OpenRead(dir.File("plain.h5"));
        using var ds = reread.Root.OpenDataset("x");
        var read = new float[values.Length];
        Assert.True(ContiguousRead.TryRead<float>(ds, read, H5Globals.NativeTypeOf<float>()));
        Assert.Equal(values, read);
        Assert.Equal(values, ds.Read<float>());
    }
}
