using System.Text;

namespace ScRepro.Torch.Tests.Serialization;

/// <summary>Hand-assembles small pickles for tests (opcodes as in CPython's Lib/pickle.py).</summary>
internal sealed class PickleBytes
{
    private readonly List<byte> _b = [0x80, 2];

    public PickleBytes Op(params byte[] bytes) { _b.AddRange(bytes); return this; }
    public PickleBytes Op(char c) { _b.Add((byte)c); return this; }
    public PickleBytes Global(string module, string name) { _b.Add((byte)'c'); _b.AddRange(Encoding.ASCII.GetBytes($"{module}\n{name}\n")); return this; }
    public PickleBytes Str(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        _b.Add((byte)'X');
        _b.AddRange(BitConverter.GetBytes((uint)bytes.Length));
        _b.AddRange(bytes);
        return this;
    }
    public PickleBytes Int(byte v) => Op((byte)'K', v);

    /// <summary>_rebuild_tensor_v2 of a 1-D float tensor of <paramref name="size"/> over storage "0" of <paramref name="numel"/>.</summary>
    public PickleBytes Tensor1D(byte numel, byte size) =>
        Global("torch._utils", "_rebuild_tensor_v2").Op('(').Op('(')
            .Str("storage").Global("torch", "FloatStorage").Str("0").Str("cpu").Int(numel).Op('t').Op('Q')
            .Int(0).Int(size).Op(0x85).Int(1).Op(0x85).Op(0x89)
            .Global("collections", "OrderedDict").Op(')').Op('R').Op('t').Op('R');

    public byte[] Stop() => [.. _b, (byte)'.'];
}
