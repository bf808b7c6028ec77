using ScRepro.Core.Errors;
using ScRepro.Testing;
using ScRepro.Torch.Serialization;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>
/// Pickles that would run code under torch.load are refused by name. The expected name in each .refused.txt was read
/// by make_fixtures.py with pickletools (resolved as pickle's find_class would), not by our reader.
/// </summary>
public sealed class HostilePickleTests
{
    [Theory]
    [InlineData("hostile_os_system.pt")]     // {'w': tensor, 'x': os.system('echo pwned')} via __reduce__
    [InlineData("hostile_eval.pt")]          // builtins.eval, spelled __builtin__.eval in protocol 2
    [InlineData("hostile_popen.pt")]         // subprocess.Popen, spelled commands.Popen in protocol 2
    [InlineData("hostile_legacy.pt")]        // legacy (non-zip) format
    [InlineData("hostile_protocol4.pt")]     // STACK_GLOBAL instead of GLOBAL
    public void Should_refuse_the_global_and_name_it_and_the_file(string file)
    {
        var path = ExpectedSummary.Path(file);
        var refused = File.ReadAllText(path + ".refused.txt").Trim();
        var e = Assert.Throws<ScReproException>(() => TorchCheckpoint.Read(path));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains($"refused pickle global {refused}", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Should_refuse_a_global_even_when_it_is_never_called()
    {
        // PROTO 2, GLOBAL 'os system', STOP: a bare reference is refused too (nothing is imported on our side).
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("bare.pt");
        var pickle = new PickleBytes().Global("os", "system").Stop();
        File.WriteAllBytes(path, ZipWithPickle("bare", pickle));
        var e = Assert.Throws<ScReproException>(() => TorchCheckpoint.Read(path));
        Assert.Contains("refused pickle global os.system", e.Message);
    }

    [Fact]
    public void Should_refuse_a_storage_class_used_as_a_callable()
    {
        // REDUCE of torch.FloatStorage is not a tensor rebuild: allowed names only do what torch.save needs.
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("call.pt");
        File.WriteAllBytes(path, ZipWithPickle("call", new PickleBytes().Global("torch", "FloatStorage").Op(')').Op('R').Stop()));
        var e = Assert.Throws<ScReproException>(() => TorchCheckpoint.Read(path));
        Assert.Contains("cannot be called", e.Message);
        Assert.Contains(path, e.Message);
    }

    /// <summary>A torch-style zip whose data.pkl is <paramref name="pickle"/> (built with our own zip writer).</summary>
    internal static byte[] ZipWithPickle(string archive, byte[] pickle)
    {
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var s = zip.CreateEntry(archive + "/data.pkl", System.IO.Compression.CompressionLevel.NoCompression).Open()) s.Write(pickle);
            using (var s = zip.CreateEntry(archive + "/version").Open()) s.Write("3\n"u8);
        }
        return ms.ToArray();
    }
}
