using ScRepro.Foundation.Errors;
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
    public void Should_refuse_a_memo_bomb_in_bounded_time_naming_the_file()
    {
        // L0 = []; Lk = [L(k-1), L(k-1)] through the memo, 40 levels: under 500 bytes that expand to 2^41 lists.
        var p = new PickleBytes().Op(']').Op((byte)'q', 0).Op('0');
        for (byte k = 1; k <= 40; k++)
            p = p.Op(']').Op('(').Op((byte)'h', (byte)(k - 1)).Op((byte)'h', (byte)(k - 1)).Op('e').Op((byte)'q', k).Op('0');
        var pickle = p.Op((byte)'h', 40).Stop();
        Assert.True(pickle.Length < 500);
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("bomb.pt");
        File.WriteAllBytes(path, ZipWithPickle("bomb", pickle));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<ScReproException>(() => TorchCheckpoint.Read(path));
        Assert.Contains("memo bomb", e.Message);
        Assert.Contains(path, e.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
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

    [Fact]
    public void Should_fail_cleanly_on_a_list_that_contains_itself()
    {
        // EMPTY_LIST, BINPUT 0, MARK, BINGET 0, APPENDS: l = []; l.append(l). Walking it must not overflow the stack.
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("cycle.pt");
        var pickle = new PickleBytes().Op(']').Op((byte)'q', 0).Op('(').Op((byte)'h', 0).Op('e').Stop();
        File.WriteAllBytes(path, ZipWithPickle("cycle", pickle));
        var e = Assert.Throws<ScReproException>(() => CheckpointInspector.Inspect(path));
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("contains itself", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Should_refuse_a_shape_that_overflows()
    {
        // size (2^62, 4) over a 4-element storage: the bounds check must not wrap around.
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("huge.pt");
        var pickle = new PickleBytes()
            .Global("torch._utils", "_rebuild_tensor_v2").Op('(').Op('(')
            .Str("storage").Global("torch", "FloatStorage").Str("0").Str("cpu").Int(4).Op('t').Op('Q')
            .Int(0).Op(0x8a, 8, 0, 0, 0, 0, 0, 0, 0, 0x40).Int(4).Op(0x86).Int(4).Int(1).Op(0x86).Op(0x89)
            .Global("collections", "OrderedDict").Op(')').Op('R').Op('t').Op('R').Stop();
        using (var ms = new MemoryStream())
        {
            ms.Write(ZipWithPickle("huge", pickle));
            using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
            using (var s = zip.CreateEntry("huge/data/0").Open()) s.Write(new byte[16]);
            File.WriteAllBytes(path, ms.ToArray());
        }
        var e = Assert.Throws<ScReproException>(() => CheckpointInspector.Inspect(path));
        Assert.Contains("overflows", e.Message);
    }

    [Fact]
    public void Should_name_an_unsupported_storage_dtype()
    {
        // torch.complex64 tensors pickle as torch.ComplexFloatStorage: a torch type, but not one of issue 7's dtypes.
        using var dir = TestPaths.NewTempDir();
        var path = dir.File("complex.pt");
        File.WriteAllBytes(path, ZipWithPickle("complex", new PickleBytes().Global("torch", "ComplexFloatStorage").Stop()));
        var e = Assert.Throws<ScReproException>(() => TorchCheckpoint.Read(path));
        Assert.Contains("unsupported tensor storage torch.ComplexFloatStorage", e.Message);
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
