using System.Diagnostics;
using ScRepro.Hdf5;
using ScRepro.Testing;

namespace ScRepro.AnnData.Tests;

/// <summary>
/// Writing and reading close every HDF5 id they open, and a file closed by us is really closed: the flake
/// "cannot open the HDF5 file for writing (unable to lock file, errno = 11)" right after AnnDataFile.Write.
/// </summary>
public sealed class OpenHandleTests
{
    public static TheoryData<string> FixtureNames => Fixtures.All();

    /// <summary>
    /// HDF5 shares one open file among all ids for the same path, so opening the file again and counting its open
    /// objects also counts anything an earlier Write or Read left open. 1 is our own root group, nothing else.
    /// </summary>
    private static void AssertNothingLeftOpen(string path, string after)
    {
        using var f = H5File.OpenRead(path);
        Assert.True(f.OpenFileIdCount() == 1, $"{after}: {f.OpenFileIdCount() - 1} file id(s) still open on {path}");
        Assert.True(f.OpenObjectCount() == 1, $"{after}: {f.OpenObjectCount() - 1} object id(s) still open in {path}");
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Should_leave_no_object_open_after_write_read_open_and_inspect(string name)
    {
        using var dir = TestPaths.NewTempDir();
        // The anndata-written fixtures cover every encoding we read (legacy_v07: object-reference categories). A
        // private copy: other test classes read the shared fixture in parallel, and their open ids would count here.
        var fixture = dir.File(name + ".fixture.h5ad");
        File.Copy(Fixtures.H5ad(name), fixture);
        AssertNothingLeftOpen(fixture, "before");
        var original = AnnDataFile.Read(fixture);
        AssertNothingLeftOpen(fixture, "Read of the fixture");
        var path = dir.File(name + ".h5ad");
        AnnDataFile.Write(path, original);
        AssertNothingLeftOpen(path, "Write");
        AnnDataFile.Write(dir.File(name + ".gz.h5ad"), original, gzip: true);
        AssertNothingLeftOpen(dir.File(name + ".gz.h5ad"), "gzip Write");
        AnnDataFile.Read(path);
        AssertNothingLeftOpen(path, "Read");
        AnnDataFile.Inspect(path);
        AssertNothingLeftOpen(path, "Inspect");
        using (var reader = AnnDataFile.Open(path))
        {
            if (reader.HasX) reader.ReadXRows([0]);
        }
        AssertNothingLeftOpen(path, "backed row read");
    }

    /// <summary>
    /// A process started while a file is open must not inherit its descriptor: libhdf5 flock()s the file, the lock
    /// belongs to the shared open file description, and a child holding it makes our next open for writing fail
    /// with errno 11 until the child exits. Fails without FD_CLOEXEC on the library's descriptor (checked).
    /// </summary>
    [Fact]
    public void Should_reopen_for_writing_while_a_child_started_during_the_write_still_runs()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("child.h5");
        Process child;
        using (var f = H5File.Create(path))
        {
            using (f.Root.CreateGroup("g")) { }
            child = Process.Start(new ProcessStartInfo("sleep", "20") { UseShellExecute = false })!;
        }
        try
        {
            using var again = H5File.OpenReadWrite(path);
            Assert.Equal(["g"], again.Root.ChildNames());
        }
        finally
        {
            child.Kill();
            child.WaitForExit();
            child.Dispose();
        }
    }
}
