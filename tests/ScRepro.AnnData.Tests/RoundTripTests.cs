using ScRepro.Testing;

namespace ScRepro.AnnData.Tests;

/// <summary>Write → read gives back the same AnnData; writes are byte-deterministic.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> FixtureNames => Fixtures.All();

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Should_read_back_what_it_wrote(string name)
    {
        using var dir = TestPaths.NewTempDir();
        var original = AnnDataFile.Read(Fixtures.H5ad(name));
        var path = dir.File(name + ".h5ad");
        AnnDataFile.Write(path, original);
        AnnDataAssert.Equal(original, AnnDataFile.Read(path));
        // The inspect summary of the copy matches what anndata reported for the original.
        Assert.Equal(
            ScRepro.Foundation.IO.Json.Serialize(AnnDataFile.Inspect(Fixtures.H5ad(name))),
            ScRepro.Foundation.IO.Json.Serialize(AnnDataFile.Inspect(path)));
    }

    [Fact]
    public void Should_round_trip_the_legacy_pbmc68k_file_into_the_current_encoding()
    {
        using var dir = TestPaths.NewTempDir();
        var original = AnnDataFile.Read(Fixtures.Pbmc);
        var path = dir.File("pbmc.h5ad");
        AnnDataFile.Write(path, original, gzip: true);
        AnnDataAssert.Equal(original, AnnDataFile.Read(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_write_identical_bytes_twice(bool gzip)
    {
        using var dir = TestPaths.NewTempDir();
        var adata = AnnDataFile.Read(Fixtures.H5ad("csr_f32"));
        AnnDataFile.Write(dir.File("a.h5ad"), adata, gzip);
        Thread.Sleep(1100); // a timestamp, if one were written, would now differ
        AnnDataFile.Write(dir.File("b.h5ad"), adata, gzip);
        Assert.Equal(File.ReadAllBytes(dir.File("a.h5ad")), File.ReadAllBytes(dir.File("b.h5ad")));
    }

    [Fact]
    public void Should_compress_with_gzip_when_asked()
    {
        using var dir = TestPaths.NewTempDir();
        var adata = AnnDataFile.Read(Fixtures.H5ad("csr_gzip"));
        AnnDataFile.Write(dir.File("z.h5ad"), adata, gzip: true);
        using var f = Hdf5.H5File.OpenRead(dir.File("z.h5ad"));
        using var x = f.Root.OpenGroup("X");
        using var data = x.OpenDataset("data");
        Assert.True(data.IsCompressed);
    }

    [Fact]
    public void Should_leave_no_file_when_a_write_fails()
    {
        using var dir = TestPaths.NewTempDir();
        var obs = new Frames.DataFrame(["c0"]);
        obs.Add(new Frames.NumericColumn("_index", [1.0]));
        var adata = new AnnotatedData(null, obs, new Frames.DataFrame(["g0"]));
        Assert.ThrowsAny<Exception>(() => AnnDataFile.Write(dir.File("bad.h5ad"), adata));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Should_not_truncate_normalised_values_of_an_integer_matrix()
    {
        using var dir = TestPaths.NewTempDir();
        var counts = AnnDataFile.Read(Fixtures.H5ad("csr_int64"));
        Assert.Equal("int64", counts.X!.SourceDtype);
        // A caller scaling the values in place keeps SourceDtype "int64"; the writer must fall back to float32.
        var x = (Matrices.CsrMatrix)counts.X;
        counts.X = x.WithData(x.Data.Select(v => v / 3f).ToArray());
        AnnDataFile.Write(dir.File("scaled.h5ad"), counts);
        var back = AnnDataFile.Read(dir.File("scaled.h5ad")).X!;
        Assert.Equal("float32", back.SourceDtype);
        Assert.Equal(((Matrices.CsrMatrix)counts.X).Data, ((Matrices.CsrMatrix)back).Data);
    }

    /// <summary>
    /// Writes ScRepro's copies of the fixtures into $SCREPRO_WRITE_ROUNDTRIP_DIR for
    /// scripts/check_written.py, which loads them with anndata and compares with the originals.
    /// Does nothing when the variable is unset (the normal test run).
    /// </summary>
    [Fact]
    public void Should_export_copies_for_the_anndata_check_when_asked()
    {
        var target = Environment.GetEnvironmentVariable("SCREPRO_WRITE_ROUNDTRIP_DIR");
        if (string.IsNullOrEmpty(target)) return;
        Directory.CreateDirectory(target);
        foreach (var name in Fixtures.Names)
        {
            var adata = AnnDataFile.Read(Fixtures.H5ad(name));
            AnnDataFile.Write(Path.Combine(target, name + ".h5ad"), adata);
            AnnDataFile.Write(Path.Combine(target, name + ".gzip.h5ad"), adata, gzip: true);
        }
        AnnDataFile.Write(Path.Combine(target, "pbmc68k_reduced.h5ad"), AnnDataFile.Read(Fixtures.Pbmc));
    }
}
