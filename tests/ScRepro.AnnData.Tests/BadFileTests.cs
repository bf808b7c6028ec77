using ScRepro.Foundation.Errors;

namespace ScRepro.AnnData.Tests;

/// <summary>Bad input fails with one ScReproException (exit code 2) that names the file and what is wrong.</summary>
public sealed class BadFileTests
{
    [Theory]
    [InlineData("bad_not_hdf5", "not an HDF5 file")]
    [InlineData("bad_truncated", "truncated")]
    [InlineData("bad_not_anndata", "not an AnnData file")]
    public void Should_fail_cleanly_naming_the_file(string name, string reason)
    {
        var path = Fixtures.H5ad(name);
        var e = Assert.ThrowsAny<ScReproException>(() => AnnDataFile.Inspect(path));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains(path, e.Message);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Should_name_a_missing_file()
    {
        var e = Assert.ThrowsAny<ScReproException>(() => AnnDataFile.Read("/nonexistent/x.h5ad"));
        Assert.Contains("/nonexistent/x.h5ad: file not found", e.Message);
    }

    [Fact]
    public void Should_name_the_element_path_of_an_unknown_encoding()
    {
        using var dir = ScRepro.Testing.TestPaths.NewTempDir();
        var path = dir.File("odd.h5ad");
        var adata = new AnnotatedData(null, new Frames.DataFrame(["a"]), new Frames.DataFrame(["g"]));
        AnnDataFile.Write(path, adata);
        // Add an element with an encoding no reader knows, through the HDF5 layer.
        using (var f = Hdf5.H5File.OpenReadWrite(path))
        {
            using var uns = f.Root.OpenGroup("uns");
            using var g = uns.CreateGroup("future");
            g.WriteStringAttribute("encoding-type", "awkward-array");
            g.WriteStringAttribute("encoding-version", "0.1.0");
        }
        var e = Assert.ThrowsAny<ScReproException>(() => AnnDataFile.Read(path));
        Assert.Contains("/uns/future", e.Message);
        Assert.Contains("awkward-array", e.Message);
    }
}
