using ScRepro.Hdf5;
using ScRepro.Hdf5.Native;
using ScRepro.Testing;
using static ScRepro.AnnData.Tests.H5Formulas;

namespace ScRepro.AnnData.Tests;

/// <summary>
/// The parallel-inflate read of gzip-chunked datasets, on files h5py 3.7 wrote (tests/fixtures/anndata/chunked, made
/// by scripts/make_chunked.py). Expected values are the script's formulas of the element index (<see cref="H5Formulas"/>).
/// Each case also says whether the parallel
/// path took the read or left it to libhdf5, so a read that silently fell back cannot pass as a test of the path.
/// </summary>
public sealed class ChunkedReadTests
{

    [Theory]
    [InlineData("f32_gzip", true)]            // 15 whole chunks of 64 and a padded partial one
    [InlineData("f32_rows", true)]            // 2-D, chunks of 10 whole rows, shuffled
    [InlineData("f32_raw_chunk", true)]       // chunk 3 stored raw (filter-mask bit 0)
    [InlineData("f32_tiles", false)]          // 2-D chunks that split rows: libhdf5 reads them
    [InlineData("f64_gzip", false)]           // float64 on disk, float32 asked: libhdf5 converts
    [InlineData("f32_unallocated", false)]    // chunks past 512 never written: libhdf5 gives the fill value
    public void Should_read_float32_datasets_exactly(string name, bool parallel)
    {
        using var file = H5File.OpenRead(Fixture("chunked.h5"));
        using var ds = file.Root.OpenDataset(name);
        var expected = Enumerable.Range(0, N).Select(i => name == "f32_unallocated" && i >= 512 ? 0f : F32(i)).ToArray();
        var direct = new float[N];
        Assert.Equal(parallel, ChunkedRead.TryRead<float>(ds, direct, H5Globals.NativeTypeOf<float>()));
        if (parallel) Assert.Equal(expected, direct);
        Assert.Equal(expected, ds.Read<float>());
    }

    [Fact]
    public void Should_undo_the_shuffle_filter_for_four_and_eight_byte_integers()
    {
        AssertParallelRead("chunked.h5", "i32_gzip_shuffle", Values(I32));
        AssertParallelRead("chunked.h5", "i64_gzip_shuffle", Values(I64));
    }

    /// <summary>The parallel path takes the read (TryRead true) and gives exactly the script's values.</summary>
    private static void AssertParallelRead<T>(string fixture, string dataset, IEnumerable<T> expected) where T : unmanaged
    {
        using var file = H5File.OpenRead(Fixture(fixture));
        using var ds = file.Root.OpenDataset(dataset);
        var values = new T[N];
        Assert.True(ChunkedRead.TryRead<T>(ds, values, H5Globals.NativeTypeOf<T>()));
        Assert.Equal(expected, values);
    }

    [Fact]
    public void Should_find_chunks_behind_a_user_block()
    {
        // h5py's userblock_size=512: HDF5 addresses start after it, file offsets do not.
        AssertParallelRead("userblock.h5", "f32_gzip", Values(F32));
    }

    [Fact]
    public void Should_name_the_file_and_dataset_when_a_chunk_is_damaged()
    {
        using var file = H5File.OpenRead(Fixture("damaged.h5"));
        using var ds = file.Root.OpenDataset("f32_gzip");
        var e = Assert.Throws<Hdf5Exception>(() => ds.Read<float>());
        AssertNames(e, "damaged.h5", "f32_gzip", "chunk data is damaged");
    }

    [Fact]
    public void Should_read_what_our_gzip_writer_wrote_as_the_contiguous_copy_reads()
    {
        // 300,000 values in 65,536-element chunks (H5WriteOptions.ChunkElements): five chunks, the last partial.
        using var dir = TestPaths.NewTempDir();
        var values = Enumerable.Range(0, 300_000).Select(i => MathF.Sin(i * 0.001f) * i).ToArray();
        foreach (var (name, options) in new[] { ("plain.h5", H5WriteOptions.Default), ("gzip.h5", new H5WriteOptions(Gzip: true)) })
        {
            using var file = H5File.Create(dir.File(name));
            file.Root.CreateDataset<float>("x", values, [values.Length], options).Dispose();
        }
        using var gzip = H5File.OpenRead(dir.File("gzip.h5"));
        using var ds = gzip.Root.OpenDataset("x");
        var read = new float[values.Length];
        Assert.True(ChunkedRead.TryRead<float>(ds, read, H5Globals.NativeTypeOf<float>()));
        Assert.Equal(values, read);
    }
}
