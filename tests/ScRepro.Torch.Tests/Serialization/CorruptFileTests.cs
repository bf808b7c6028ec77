using ScRepro.Foundation.Errors;
using ScRepro.Testing;
using ScRepro.Torch.Serialization;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>Damaged files fail with one ScReproException (exit 2) naming the file, never a raw .NET exception.</summary>
public sealed class CorruptFileTests
{
    [Theory]
    [InlineData("dtypes.pt", 0.5)]
    [InlineData("dtypes.pt", 0.95)]          // central directory cut off
    [InlineData("dtypes_legacy.pt", 0.5)]   // inside the storages
    [InlineData("dtypes_legacy.pt", 0.1)]   // inside the object pickle
    [InlineData("tensors.safetensors", 0.9)]
    [InlineData("tensors.safetensors", 0.02)]
    public void Should_fail_clearly_on_a_truncated_file(string fixture, double keep)
    {
        using var dir = TestPaths.NewTempDir();
        var bytes = File.ReadAllBytes(ExpectedSummary.Path(fixture));
        var path = dir.File("cut-" + fixture);
        File.WriteAllBytes(path, bytes[..(int)(bytes.Length * keep)]);
        AssertBadInput(path);
    }

    [Fact]
    public void Should_fail_clearly_on_an_empty_or_unknown_file()
    {
        using var dir = TestPaths.NewTempDir();
        var empty = dir.File("empty.pt");
        File.WriteAllBytes(empty, []);
        Assert.Contains("empty", AssertBadInput(empty).Message);
        var text = dir.File("text.pt");
        File.WriteAllText(text, "hello, not a checkpoint\n");
        Assert.Contains("unrecognised", AssertBadInput(text).Message);
        Assert.Contains("does not exist", AssertBadInput(dir.File("missing.pt")).Message);
    }

    [Fact]
    public void Should_fail_clearly_when_a_storage_record_is_missing()
    {
        using var dir = TestPaths.NewTempDir();
        // A pickle naming storage "0" of 4 floats, in a zip without data/0.
        var pickle = new PickleBytes().Tensor1D(numel: 4, size: 4).Stop();
        var path = dir.File("nodata.pt");
        File.WriteAllBytes(path, HostilePickleTests.ZipWithPickle("nodata", pickle));
        Assert.Contains("nodata/data/0 is missing", AssertBadInput(path).Message);
    }

    [Fact]
    public void Should_fail_clearly_when_a_view_reaches_past_its_storage()
    {
        // Same pickle as above but size 5 over a 4-element storage; build a zip that has data/0 with 16 bytes.
        using var dir = TestPaths.NewTempDir();
        var pickle = new PickleBytes().Tensor1D(numel: 4, size: 5).Stop();
        var path = dir.File("past.pt");
        using (var ms = new MemoryStream())
        {
            ms.Write(HostilePickleTests.ZipWithPickle("past", pickle));
            using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
            using (var s = zip.CreateEntry("past/data/0").Open()) s.Write(new byte[16]);
            File.WriteAllBytes(path, ms.ToArray());
        }
        var e = AssertBadInput(path);
        Assert.Contains("reaches element 4 of a storage with 4 elements", e.Message);
    }

    private static ScReproException AssertBadInput(string path)
    {
        var e = Assert.Throws<ScReproException>(() => CheckpointInspector.Inspect(path));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains(path, e.Message);
        return e;
    }
}
