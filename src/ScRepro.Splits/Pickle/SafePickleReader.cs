using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.Graphs;

namespace ScRepro.Splits.Pickle;

/// <summary>
/// A pickle reader for plain data only: dicts, lists, tuples, str, bytes, ints, floats, bools and None (protocols 0–5
/// opcodes for those, memo and frames). It never imports or calls anything. The one exception is numpy scalars:
/// GEARS' own _subgroup.pkl holds numpy.str_ (val_subgroup items that came out of np.random.choice), and Geneformer's
/// token and median dictionaries hold numpy.int16 and numpy.float64 values (scale-gpu-models.md §3.2). The exact
/// pattern <c>numpy.core.multiarray.scalar(numpy.dtype(spec, …), bytes)</c> (or numpy._core's, numpy ≥ 2; bytes via
/// <c>_codecs.encode</c> in protocol 2), with the dtype's BUILD state giving the byte order, is recognised
/// symbolically: 'U…' decodes as UTF-32 text, i1-i8 and u1-u4 as long, u8 as long when it fits, f4/f8 as double.
/// Any other global, REDUCE or BUILD is refused with an error naming the file.
/// </summary>
public sealed class SafePickleReader
{
    private readonly byte[] _data;
    private readonly string _source;
    private int _pos;
    private readonly List<object?> _stack = new();
    private readonly Stack<int> _marks = new();
    private readonly Dictionary<long, object?> _memo = new();

    private SafePickleReader(byte[] data, string source)
    {
        _data = data;
        _source = source;
    }

    /// <summary>Reads one pickled object from <paramref name="path"/>.</summary>
    public static object? Load(string path)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: pickle file not found");
        return Load(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads one pickled object; <paramref name="source"/> names it in errors.</summary>
    public static object? Load(byte[] data, string source) => new SafePickleReader(data, source).Run();

    /// <summary>A global the pickle named: data only until a REDUCE applies it (only the allowlisted ones can be).</summary>
    private sealed record Global(string Module, string Name);

    /// <summary>numpy.dtype(spec) as the pickle builds it: 'U…' (text) or a numeric kind and width; BUILD sets its byte order.</summary>
    private sealed class NumpyDtype(char kind, int size)
    {
        public char Kind { get; } = kind;
        public int Size { get; } = size;
        public bool BigEndian { get; set; }
    }

    private static NumpyDtype? ParseDtype(string spec)
    {
        if (spec.StartsWith('U')) return new NumpyDtype('U', 0);
        if (spec.Length != 2 || !int.TryParse(spec.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var size)) return null;
        return (spec[0], size) switch
        {
            ('i', 1 or 2 or 4 or 8) or ('u', 1 or 2 or 4 or 8) or ('f', 4 or 8) => new NumpyDtype(spec[0], size),
            _ => null,
        };
    }

    private object? Run()
    {
        while (true)
        {
            if (_pos >= _data.Length) throw Fail("truncated pickle (no STOP opcode)");
            var at = _pos;
            var op = _data[_pos++];
            switch (op)
            {
                case 0x80: _pos++; break;                       // PROTO
                case 0x95: Take(8); break;                      // FRAME: length only, data follows inline
                case (byte)'.':                                 // STOP
                    if (_stack.Count != 1) throw Fail("malformed pickle (stack not a single object at STOP)");
                    ExpandedSize.Check(_stack[0], _source);   // converting the result follows every shared reference
                    return _stack[0];
                case (byte)'(': _marks.Push(_stack.Count); break;
                case (byte)'}': Push(new Dictionary<string, object?>(StringComparer.Ordinal)); break;
                case (byte)']': Push(new List<object?>()); break;
                case (byte)')': Push(Array.Empty<object?>()); break;
                case (byte)'t': Push(PopMark().ToArray()); break;
                case 0x85: Push(new[] { Pop() }); break;
                case 0x86: { var b = Pop(); var a = Pop(); Push(new[] { a, b }); break; }
                case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); Push(new[] { a, b, c }); break; }
                case (byte)'a': { var v = Pop(); ListAt(Top(), at).Add(v); break; }
                case (byte)'e': { var items = PopMark(); ListAt(Top(), at).AddRange(items); break; }
                case (byte)'l': Push(PopMark()); break;
                case (byte)'s': { var v = Pop(); var k = Pop(); DictAt(Top(), at)[Key(k, at)] = v; break; }
                case (byte)'u':
                {
                    var items = PopMark();
                    var d = DictAt(Top(), at);
                    for (var i = 0; i + 1 < items.Count; i += 2) d[Key(items[i], at)] = items[i + 1];
                    break;
                }
                case (byte)'d':
                {
                    var items = PopMark();
                    var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                    for (var i = 0; i + 1 < items.Count; i += 2) d[Key(items[i], at)] = items[i + 1];
                    Push(d);
                    break;
                }
                case (byte)'X': Push(Utf8(Take(checked((int)BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))))); break;
                case 0x8c: Push(Utf8(Take(_data[_pos++]))); break;
                case 0x8d: Push(Utf8(Take(checked((int)BinaryPrimitives.ReadUInt64LittleEndian(Take(8)))))); break;
                case (byte)'V': Push(RawUnicodeEscape(Line())); break;
                case (byte)'C': Push(Take(_data[_pos++]).ToArray()); break;
                case (byte)'B': Push(Take(checked((int)BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))).ToArray()); break;
                case 0x8e: Push(Take(checked((int)BinaryPrimitives.ReadUInt64LittleEndian(Take(8)))).ToArray()); break;
                case 0x94: _memo[_memo.Count] = Top(); break;   // MEMOIZE
                case (byte)'q': _memo[_data[_pos++]] = Top(); break;
                case (byte)'r': _memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4))] = Top(); break;
                case (byte)'p': _memo[long.Parse(Line(), CultureInfo.InvariantCulture)] = Top(); break;
                case (byte)'h': Push(Memo(_data[_pos++], at)); break;
                case (byte)'j': Push(Memo(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)), at)); break;
                case (byte)'g': Push(Memo(long.Parse(Line(), CultureInfo.InvariantCulture), at)); break;
                case (byte)'N': Push(null); break;
                case 0x88: Push(true); break;
                case 0x89: Push(false); break;
                case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4))); break;
                case (byte)'K': Push((long)_data[_pos++]); break;
                case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break;
                case 0x8a: Push(Long1(Take(_data[_pos++]), at)); break;
                case (byte)'I': Push(IntLine(Line())); break;
                case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(Take(8))); break;
                case (byte)'0': Pop(); break;
                case (byte)'1': PopMark(); break;
                case (byte)'2': Push(Top()); break;
                case (byte)'c':
                {
                    var module = Line();
                    var name = Line();
                    Push(Allow(module, name, at));
                    break;
                }
                case 0x93:
                {
                    var name = Pop() as string;
                    var module = Pop() as string;
                    if (name is null || module is null) throw Fail($"malformed STACK_GLOBAL at byte {at}");
                    Push(Allow(module, name, at));
                    break;
                }
                case (byte)'R': { var args = Pop(); var fn = Pop(); Push(Reduce(fn, args, at)); break; }
                case (byte)'b': { var state = Pop(); Build(Top(), state, at); break; }
                default:
                    throw Fail($"refusing opcode 0x{op:x2} at byte {at}: this safe reader only reads dicts, lists and strings");
            }
        }
    }

    private static readonly HashSet<(string, string)> Allowed =
    [
        ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"), ("numpy", "dtype"), ("_codecs", "encode"),
    ];

    private Global Allow(string module, string name, int at)
    {
        if (!Allowed.Contains((module, name)))
            throw Fail($"refusing global '{module}.{name}' at byte {at}: this safe reader loads only dicts, lists and strings " +
                       "(and numpy scalars), never code");
        return new Global(module, name);
    }

    private object Reduce(object? fn, object? args, int at)
    {
        if (fn is not Global g || args is not object?[] a)
            throw Fail($"refusing REDUCE at byte {at}: only numpy scalar construction is allowed");
        switch (g.Name)
        {
            case "dtype" when a.Length >= 1 && a[0] is string spec && ParseDtype(spec) is { } dtype:
                return dtype;
            case "encode" when a.Length == 2 && a[0] is string s && a[1] is "latin1":
                if (s.Any(ch => ch > 0xFF)) throw Fail($"_codecs.encode argument at byte {at} is not latin-1");
                return s.Select(ch => (byte)ch).ToArray();
            case "scalar" when a.Length == 2 && a[0] is NumpyDtype { Kind: not 'U' } num && a[1] is byte[] bytes:
                return NumericScalar(num, bytes, at);
            case "scalar" when a.Length == 2 && a[0] is NumpyDtype { Kind: 'U' } dt && a[1] is byte[] raw:
                if (raw.Length % 4 != 0) throw Fail($"numpy.str_ payload at byte {at} is not UTF-32");
                var text = (dt.BigEndian ? new UTF32Encoding(true, false, true) : new UTF32Encoding(false, false, true)).GetString(raw);
                return text.TrimEnd('\0'); // numpy.str_ drops the fixed-width padding
            default:
                throw Fail($"refusing REDUCE of {g.Module}.{g.Name} at byte {at}: only numpy scalars (dtype 'U…', i1-i8, u1-u8, f4, f8) are allowed");
        }
    }

    private object NumericScalar(NumpyDtype dt, byte[] raw, int at)
    {
        if (raw.Length != dt.Size) throw Fail($"numpy {dt.Kind}{dt.Size} scalar at byte {at} has {raw.Length} bytes");
        var bytes = raw.AsSpan();
        if (dt.BigEndian != !BitConverter.IsLittleEndian) bytes = raw.Reverse().ToArray();
        // Each arm boxed: a switch of long and double arms would otherwise convert every value to double.
        return (dt.Kind, dt.Size) switch
        {
            ('i', 1) => (object)(long)(sbyte)bytes[0],
            ('i', 2) => (long)BitConverter.ToInt16(bytes),
            ('i', 4) => (long)BitConverter.ToInt32(bytes),
            ('i', 8) => BitConverter.ToInt64(bytes),
            ('u', 1) => (long)bytes[0],
            ('u', 2) => (long)BitConverter.ToUInt16(bytes),
            ('u', 4) => (long)BitConverter.ToUInt32(bytes),
            ('u', 8) => BitConverter.ToUInt64(bytes) is var u and <= long.MaxValue ? (long)u : throw Fail($"numpy u8 scalar at byte {at} exceeds int64"),
            ('f', 4) => (double)BitConverter.ToSingle(bytes),
            _ => BitConverter.ToDouble(bytes),
        };
    }

    private void Build(object? target, object? state, int at)
    {
        if (target is NumpyDtype dt && state is object?[] { Length: >= 2 } st && st[1] is string order)
        {
            dt.BigEndian = order == ">";
            return;
        }
        throw Fail($"refusing BUILD at byte {at}: only numpy dtype state is allowed");
    }

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n < 0 || _pos + n > _data.Length) throw Fail("truncated pickle");
        var span = new ReadOnlySpan<byte>(_data, _pos, n);
        _pos += n;
        return span;
    }

    private string Line()
    {
        var end = Array.IndexOf(_data, (byte)'\n', _pos);
        if (end < 0) throw Fail("truncated pickle (missing newline)");
        var s = Encoding.Latin1.GetString(_data, _pos, end - _pos);
        _pos = end + 1;
        return s;
    }

    private static string Utf8(ReadOnlySpan<byte> bytes) => new UTF8Encoding(false, true).GetString(bytes);

    private static string RawUnicodeEscape(string latin1)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < latin1.Length; i++)
        {
            if (latin1[i] == '\\' && i + 5 < latin1.Length && latin1[i + 1] == 'u')
            {
                sb.Append((char)Convert.ToInt32(latin1.Substring(i + 2, 4), 16));
                i += 5;
            }
            else if (latin1[i] == '\\' && i + 9 < latin1.Length && latin1[i + 1] == 'U')
            {
                sb.Append(char.ConvertFromUtf32(Convert.ToInt32(latin1.Substring(i + 2, 8), 16)));
                i += 9;
            }
            else sb.Append(latin1[i]);
        }
        return sb.ToString();
    }

    private object IntLine(string s) => s switch
    {
        "00" => false,
        "01" => true,
        _ => long.Parse(s, CultureInfo.InvariantCulture),
    };

    private long Long1(ReadOnlySpan<byte> bytes, int at)
    {
        if (bytes.Length > 8) throw Fail($"integer at byte {at} is wider than 64 bits");
        long v = 0;
        for (var i = bytes.Length - 1; i >= 0; i--) v = (v << 8) | bytes[i];
        if (bytes.Length is > 0 and < 8 && (bytes[^1] & 0x80) != 0) v -= 1L << (8 * bytes.Length);
        return v;
    }

    private object? Memo(long key, int at) =>
        _memo.TryGetValue(key, out var v) ? v : throw Fail($"memo key {key} at byte {at} was never stored");

    private void Push(object? o) => _stack.Add(o);

    private object? Pop()
    {
        if (_stack.Count == 0 || _marks.Count > 0 && _marks.Peek() == _stack.Count) throw Fail("malformed pickle (stack underflow)");
        var o = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return o;
    }

    private object? Top() => _stack.Count > 0 ? _stack[^1] : throw Fail("malformed pickle (empty stack)");

    private List<object?> PopMark()
    {
        if (_marks.Count == 0) throw Fail("malformed pickle (no MARK)");
        var m = _marks.Pop();
        var items = _stack.GetRange(m, _stack.Count - m);
        _stack.RemoveRange(m, _stack.Count - m);
        return items;
    }

    private List<object?> ListAt(object? o, int at) =>
        o as List<object?> ?? throw Fail($"APPEND at byte {at} to something that is not a list");

    private Dictionary<string, object?> DictAt(object? o, int at) =>
        o as Dictionary<string, object?> ?? throw Fail($"SETITEM at byte {at} on something that is not a dict");

    private string Key(object? k, int at) =>
        k as string ?? throw Fail($"dict key at byte {at} is not a string");

    private ScReproException Fail(string message) => new($"{_source}: {message}");
}
