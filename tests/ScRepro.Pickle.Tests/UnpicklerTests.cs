using System.Diagnostics;
using ScRepro.Foundation.Errors;
using ScRepro.Testing;

namespace ScRepro.Pickle.Tests;

/// <summary>
/// The one unpickler on hostile bytes (hand-assembled; each opcode is named where it is written, from CPython's
/// Lib/pickletools.py) and on a real protocol-4 pickle of numpy scalars (scripts/make_numpy_scalars.py).
/// </summary>
public sealed class UnpicklerTests
{
    private static readonly NumpyScalarAllowList Data = new();

    [Fact]
    public void Should_read_numpy_scalars_written_with_protocol_4_framing()
    {
        var d = Assert.IsType<OrderedDictionary<object, object?>>(Unpickler.Load(TestPaths.Fixture("pickle", "numpy_scalars_p4.pkl"), Data));
        // The values make_numpy_scalars.py pickled, in its insertion order.
        Assert.Equal(["<pad>", "ENSG00000000003", "ENSG00000000005", "median_a", "median_b", "flag", "label"], d.Keys.Cast<string>());
        Assert.Equal(0L, d["<pad>"]);
        Assert.Equal(2L, d["ENSG00000000003"]);
        Assert.Equal(-7L, d["ENSG00000000005"]);
        Assert.Equal(0.5, d["median_a"]);
        Assert.Equal(1.0 / 3.0, d["median_b"]);
        Assert.Equal(true, d["flag"]);
        Assert.Equal("T cell", d["label"]);
    }

    [Fact]
    public void Should_refuse_a_global_the_caller_did_not_allow_naming_it_and_the_file()
    {
        // PROTO 2, GLOBAL 'os\nsystem\n', SHORT_BINUNICODE 'id', TUPLE1, REDUCE, STOP: os.system('id').
        byte[] pickle = [0x80, 2, (byte)'c', .. "os\nsystem\n"u8, 0x8c, 2, (byte)'i', (byte)'d', 0x85, (byte)'R', (byte)'.'];
        var e = Assert.Throws<ScReproException>(() => Unpickler.Load(pickle, "tokens.pkl", Data));
        Assert.StartsWith("refused pickle global os.system in tokens.pkl", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void Should_refuse_a_memo_bomb_while_building_it_in_bounded_time_and_memory()
    {
        // L0 = []; L(k+1) = [Lk, Lk] 60 times: 782 bytes whose tree is 2^60 lists. Each level: EMPTY_LIST, BINPUT k+1,
        // MARK, BINGET k, BINGET k, APPENDS. A reader that walks the result (or copies it) never finishes.
        var bytes = new List<byte> { 0x80, 2, (byte)']', (byte)'q', 0 };
        for (var k = 0; k < 60; k++) bytes.AddRange([(byte)']', (byte)'q', (byte)(k + 1), (byte)'(', (byte)'h', (byte)k, (byte)'h', (byte)k, (byte)'e']);
        bytes.Add((byte)'.');
        var clock = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ScReproException>(() => Unpickler.Load(bytes.ToArray(), "bomb.pt", Data));
        Assert.StartsWith("bomb.pt: refused pickle: more than 50000000 objects counting shared references (a memo bomb?)", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "the refusal allocates next to nothing");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"refused in {clock.Elapsed}");
    }

    [Fact]
    public void Should_refuse_nesting_deeper_than_the_limit_before_a_reader_overflows_its_stack()
    {
        // 100 000 EMPTY_LISTs then 99 999 APPENDs: [[[[…]]]] 100 000 deep.
        const int n = 100_000;
        var bytes = new List<byte> { 0x80, 2 };
        bytes.AddRange(Enumerable.Repeat((byte)']', n));
        bytes.AddRange(Enumerable.Repeat((byte)'a', n - 1));
        bytes.Add((byte)'.');
        var e = Assert.Throws<ScReproException>(() => Unpickler.Load(bytes.ToArray(), "deep.pkl", Data));
        Assert.Contains("deep.pkl: refused pickle: containers nested deeper than 200", e.Message);
        // Within the limit it loads.
        var ok = Unpickler.Load([0x80, 2, (byte)']', (byte)']', (byte)'a', (byte)'.'], "two.pkl", Data);
        Assert.Single(Assert.IsType<List<object?>>(ok));
    }

    [Fact]
    public void Should_refuse_a_container_that_contains_itself_or_changes_after_it_is_shared()
    {
        // EMPTY_LIST, BINPUT 0, BINGET 0, APPEND: l = []; l.append(l).
        var e = Assert.Throws<ScReproException>(() => Unpickler.Load([(byte)']', (byte)'q', 0, (byte)'h', 0, (byte)'a', (byte)'.'], "cycle.pkl", Data));
        Assert.Contains("contains itself", e.Message);
        Assert.Contains("cycle.pkl", e.Message);
        // a = []; b = [a]; then a grows after b holds it: EMPTY_LIST q0, EMPTY_LIST, BINGET 0, APPEND, BINGET 0, NONE, APPEND.
        e = Assert.Throws<ScReproException>(() => Unpickler.Load(
            [(byte)']', (byte)'q', 0, (byte)']', (byte)'h', 0, (byte)'a', (byte)'h', 0, (byte)'N', (byte)'a', (byte)'0', (byte)'.'], "grow.pkl", Data));
        Assert.Contains("changed after another object took it", e.Message);
    }

    [Fact]
    public void Should_count_bytes_of_shared_strings_against_the_limit()
    {
        // One 1000-byte string shared by a 3-item list, under a 2000-byte limit: 3000 bytes counted per reference.
        var bytes = new List<byte> { 0x80, 2, (byte)']', (byte)'(', (byte)'X' };
        bytes.AddRange(BitConverter.GetBytes(1000));
        bytes.AddRange(Enumerable.Repeat((byte)'x', 1000));
        bytes.AddRange([(byte)'q', 0, (byte)'h', 0, (byte)'h', 0, (byte)'e', (byte)'.']);
        var e = Assert.Throws<ScReproException>(() => Unpickler.Load(bytes.ToArray(), "s.pkl", Data, new PickleLimits(MaxBytes: 2000)));
        Assert.Contains("more than 2000 bytes of strings", e.Message);
        Assert.Equal(3, Assert.IsType<List<object?>>(Unpickler.Load(bytes.ToArray(), "s.pkl", Data)).Count);
    }

    [Fact]
    public void Should_name_the_file_and_offset_of_a_truncated_pickle()
    {
        var e = Assert.Throws<ScReproException>(() => Unpickler.Load([0x80, 2, (byte)']'], "cut.pkl", Data));
        Assert.Equal("corrupt pickle cut.pkl: pickle is truncated at offset 3", e.Message);
    }
}
