using System.Buffers.Binary;
using System.Text;

namespace ScRepro.Pickle;

/// <summary>
/// Plain data plus numpy scalars: dicts, lists, tuples, str, bytes, ints, floats, bools and None, and the one pattern
/// numpy pickles a scalar with, <c>numpy.core.multiarray.scalar(numpy.dtype(spec), raw bytes)</c> (numpy 2 spells the
/// module <c>numpy._core.multiarray</c>; protocol 2 wraps the bytes in <c>_codecs.encode(str, 'latin1')</c>). It is
/// recognised symbolically and decoded: numpy.str_ ('U', UTF-32) to string, signed and unsigned ints to long, floats
/// (float16/32/64) to double, bool to bool. GEARS' split pickles hold numpy.str_; Geneformer's token and median
/// dictionaries hold numeric scalars. Anything else is refused by name.
/// </summary>
public sealed class NumpyScalarAllowList(string purpose = "only dicts, lists, strings, numbers and numpy scalars, never code") : PickleAllowList
{
    private static readonly HashSet<(string, string)> Allowed =
    [
        ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"), ("numpy", "dtype"), ("_codecs", "encode"),
    ];

    protected override string Purpose => purpose;

    public override bool Allows(string module, string name) => Allowed.Contains((module, name));

    public override object? Call(PickleGlobal fn, object?[] args) => fn.Name switch
    {
        "dtype" when args.Length >= 1 && args[0] is string spec => new NumpyDtype(spec),
        "encode" when args.Length == 2 && args[0] is string s && args[1] is "latin1" =>
            s.Any(ch => ch > 0xFF) ? throw new ArgumentException("argument is not latin-1") : s.Select(ch => (byte)ch).ToArray(),
        "scalar" when args.Length == 2 && args[0] is NumpyDtype dt && args[1] is byte[] raw => Scalar(dt, raw),
        _ => throw new ArgumentException("only numpy scalar construction (dtype, scalar, _codecs.encode) is allowed"),
    };

    /// <summary>The dtype's state tuple (version, byte order, …): only the byte order matters for a scalar.</summary>
    public override bool Build(object? target, object? state)
    {
        if (target is not NumpyDtype dt || state is not object?[] { Length: >= 2 } st || st[1] is not string order) return false;
        dt.BigEndian = order == ">";
        return true;
    }

    private static object Scalar(NumpyDtype dt, byte[] raw)
    {
        var spec = dt.Spec.TrimStart('<', '>', '=', '|');
        var kind = spec[0];
        var size = spec.Length > 1 && int.TryParse(spec.AsSpan(1), out var n) ? n : 1;
        if (kind == 'U')
        {
            if (raw.Length % 4 != 0) throw new ArgumentException("numpy.str_ payload is not UTF-32");
            return new UTF32Encoding(dt.BigEndian, false, true).GetString(raw).TrimEnd('\0'); // numpy drops the padding
        }
        if (raw.Length != size && kind != '?') throw new ArgumentException($"numpy {dt.Spec} scalar has {raw.Length} bytes");
        Span<byte> b = raw.ToArray();
        if (dt.BigEndian != !BitConverter.IsLittleEndian && size > 1) b.Reverse();
        return (kind, size) switch
        {
            ('?' or 'b', 1) when spec is "?" or "b1" => b[0] != 0,
            ('i', 1) => (long)(sbyte)b[0],
            ('i', 2) => (long)BinaryPrimitives.ReadInt16LittleEndian(b),
            ('i', 4) => (long)BinaryPrimitives.ReadInt32LittleEndian(b),
            ('i', 8) => BinaryPrimitives.ReadInt64LittleEndian(b),
            ('u', 1) => (long)b[0],
            ('u', 2) => (long)BinaryPrimitives.ReadUInt16LittleEndian(b),
            ('u', 4) => (long)BinaryPrimitives.ReadUInt32LittleEndian(b),
            ('u', 8) => BinaryPrimitives.ReadUInt64LittleEndian(b) is var u && u <= long.MaxValue ? (long)u
                : throw new ArgumentException("numpy uint64 scalar does not fit in an int64"),
            ('f', 2) => (double)BinaryPrimitives.ReadHalfLittleEndian(b),
            ('f', 4) => (double)BinaryPrimitives.ReadSingleLittleEndian(b),
            ('f', 8) => BinaryPrimitives.ReadDoubleLittleEndian(b),
            _ => throw new ArgumentException($"numpy dtype '{dt.Spec}' is not a supported scalar (bool, int, uint, float, str)"),
        };
    }
}
