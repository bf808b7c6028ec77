using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using ScRepro.Foundation.Errors;

namespace ScRepro.Pickle;

/// <summary>
/// The project's one pickle virtual machine (protocols 0-5: the opcodes CPython's pickle and torch.save emit for data,
/// protocol 4's FRAME and MEMOIZE included). It never imports or calls anything: a GLOBAL must pass the caller's
/// <see cref="PickleAllowList"/> or the load fails naming it and the file, and REDUCE of an allowed name runs the
/// list's fixed managed constructor. What one pickle may build is bounded (<see cref="PickleLimits"/>): objects and
/// bytes counted per reference, memo entries and depth; a container may not change once another holds it, which
/// also makes a cycle impossible.
/// </summary>
public sealed class Unpickler
{
    private readonly byte[] _data;
    private readonly string _source;
    private readonly PickleAllowList _allow;
    private readonly PickleLimits _limits;
    private readonly List<object?> _stack = [];
    private readonly Stack<int> _marks = new();
    private readonly Dictionary<long, object?> _memo = [];
    // Size per reference (objects, bytes) and depth of every container or constructed object, by identity.
    private readonly Dictionary<object, Cost> _costs = new(ReferenceEqualityComparer.Instance);
    // Containers another container holds: changing one later would falsify the sizes above (or close a cycle).
    private readonly HashSet<object> _held = new(ReferenceEqualityComparer.Instance);
    private int _pos;

    private readonly record struct Cost(long Objects, long Bytes, int Depth);

    /// <param name="data">Buffer holding the pickle.</param>
    /// <param name="start">Offset of its first opcode (legacy torch files hold several pickles back to back).</param>
    /// <param name="source">File (and record) named in errors.</param>
    /// <param name="allow">What this file may name, and how allowed names are built.</param>
    /// <param name="limits">Bounds on what it may build (<see cref="PickleLimits.Default"/> when null).</param>
    public Unpickler(byte[] data, int start, string source, PickleAllowList allow, PickleLimits? limits = null)
    {
        _data = data;
        _pos = start;
        _source = source;
        _allow = allow;
        _limits = limits ?? PickleLimits.Default;
    }

    /// <summary>Reads the one pickled object of the file at <paramref name="path"/>.</summary>
    public static object? Load(string path, PickleAllowList allow, PickleLimits? limits = null)
    {
        if (!File.Exists(path)) throw new ScReproException($"{path}: {allow.FileKind} file not found");
        return new Unpickler(File.ReadAllBytes(path), 0, path, allow, limits).Load();
    }

    /// <summary>Reads one pickled object from <paramref name="data"/>; <paramref name="source"/> names it in errors.</summary>
    public static object? Load(byte[] data, string source, PickleAllowList allow, PickleLimits? limits = null) =>
        new Unpickler(data, 0, source, allow, limits).Load();

    /// <summary>Offset just after the STOP opcode once <see cref="Load()"/> has returned.</summary>
    public int Position => _pos;

    /// <summary>Runs the pickle to its STOP and returns the object.</summary>
    public object? Load()
    {
        while (true)
        {
            var at = _pos;
            var op = ReadByte();
            try
            {
                if (Step(op))
                {
                    if (_stack.Count != 1) throw new PickleFormatException($"{_stack.Count} objects on the stack at STOP, expected 1");
                    return _stack[0];
                }
            }
            catch (Exception e) when (e is PickleFormatException or ArgumentException or OverflowException or FormatException)
            {
                throw Corrupt($"{e.Message} (opcode 0x{op:x2} at offset {at})");
            }
        }
    }

    /// <summary>Executes one opcode; true on STOP.</summary>
    private bool Step(byte op)
    {
        switch (op)
        {
            case 0x80: ReadByte(); break;                                    // PROTO
            case 0x95: ReadBytes(8); break;                                  // FRAME (protocol 4): a read hint only
            case (byte)'.': return true;                                     // STOP
            case (byte)'(': _marks.Push(_stack.Count); break;                // MARK
            case (byte)'0': Pop(); break;                                    // POP
            case (byte)'1': PopMark(); break;                                // POP_MARK
            case (byte)'2': Push(Peek()); break;                             // DUP
            case (byte)'N': Push(null); break;                               // NONE
            case 0x88: Push(true); break;                                    // NEWTRUE
            case 0x89: Push(false); break;                                   // NEWFALSE
            case (byte)'K': Push((long)ReadByte()); break;                   // BININT1
            case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2))); break; // BININT2
            case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4))); break;  // BININT
            case 0x8a: Push(ReadLong(ReadByte())); break;                    // LONG1
            case 0x8b: Push(ReadLong(ReadLength(BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4))))); break; // LONG4
            case (byte)'I': Push(ParseTextInt(ReadLine())); break;           // INT (protocol 0)
            case (byte)'L': Push(ParseTextInt(ReadLine().TrimEnd('L'))); break; // LONG (protocol 0)
            case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(ReadBytes(8))); break; // BINFLOAT is big-endian
            case (byte)'F': Push(double.Parse(ReadLine(), CultureInfo.InvariantCulture)); break; // FLOAT (protocol 0)
            case (byte)'X': Push(ReadUtf8(ReadLength(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4))))); break; // BINUNICODE
            case 0x8c: Push(ReadUtf8(ReadByte())); break;                    // SHORT_BINUNICODE
            case 0x8d: Push(ReadUtf8(ReadLength(BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8))))); break; // BINUNICODE8
            case (byte)'V': Push(RawUnicodeEscape(Encoding.Latin1.GetString(ReadLineBytes()))); break; // UNICODE (protocol 0)
            case (byte)'U': Push(Encoding.Latin1.GetString(ReadBytes(ReadByte()))); break; // SHORT_BINSTRING (py2 str)
            case (byte)'T': Push(Encoding.Latin1.GetString(ReadBytes(ReadLength(BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4)))))); break; // BINSTRING
            case (byte)'C': Push(ReadBytes(ReadByte()).ToArray()); break;    // SHORT_BINBYTES
            case (byte)'B': Push(ReadBytes(ReadLength(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4)))).ToArray()); break; // BINBYTES
            case 0x8e: Push(ReadBytes(ReadLength(BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8)))).ToArray()); break; // BINBYTES8
            case 0x96: Push(ReadBytes(ReadLength(BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8)))).ToArray()); break; // BYTEARRAY8
            case (byte)')': Push(Tuple([])); break;                          // EMPTY_TUPLE
            case (byte)'t': Push(Tuple(PopMark())); break;                   // TUPLE
            case 0x85: Push(Tuple([Pop()])); break;                          // TUPLE1
            case 0x86: { var b = Pop(); var a = Pop(); Push(Tuple([a, b])); break; } // TUPLE2
            case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); Push(Tuple([a, b, c])); break; } // TUPLE3
            case (byte)']': Push(Track(new List<object?>())); break;         // EMPTY_LIST
            case (byte)'l': { var l = Track(new List<object?>()); Append(l, PopMark()); Push(l); break; } // LIST
            case (byte)'a': { var v = Pop(); Append(PeekList(), [v]); break; } // APPEND
            case (byte)'e': { var items = PopMark(); Append(PeekList(), items); break; } // APPENDS
            case (byte)'}': Push(Track(new OrderedDictionary<object, object?>())); break; // EMPTY_DICT
            case (byte)'d': { var items = PopMark(); var d = Track(new OrderedDictionary<object, object?>()); SetItems(d, items); Push(d); break; } // DICT
            case (byte)'s': { var v = Pop(); var k = Pop(); SetItems(PeekDict(), [k, v]); break; } // SETITEM
            case (byte)'u': { var items = PopMark(); SetItems(PeekDict(), items); break; } // SETITEMS
            case (byte)'q': Memoize(ReadByte()); break;                      // BINPUT
            case (byte)'r': Memoize(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4))); break; // LONG_BINPUT
            case 0x94: Memoize(_memo.Count); break;                          // MEMOIZE (protocol 4)
            case (byte)'p': Memoize(ParseMemoKey(ReadLine())); break;        // PUT
            case (byte)'h': Push(MemoGet(ReadByte())); break;                // BINGET
            case (byte)'j': Push(MemoGet(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4)))); break; // LONG_BINGET
            case (byte)'g': Push(MemoGet(ParseMemoKey(ReadLine()))); break;  // GET
            case (byte)'c': { var module = ReadLine(); var name = ReadLine(); Push(Resolve(module, name)); break; } // GLOBAL
            case 0x93: { var name = PopString(); var module = PopString(); Push(Resolve(module, name)); break; } // STACK_GLOBAL
            case (byte)'i': { var module = ReadLine(); var name = ReadLine(); var g = Resolve(module, name); Push(Call(g, [.. PopMark()])); break; } // INST
            case (byte)'o': { var items = PopMark(); if (items.Count == 0) throw new PickleFormatException("OBJ without a class"); Push(Call(AsGlobal(items[0]), [.. items.Skip(1)])); break; } // OBJ
            case (byte)'Q': { var pid = Pop() as object?[] ?? throw new PickleFormatException("persistent id is not a tuple"); Push(Constructed(_allow.PersistentLoad(pid), [pid])); break; } // BINPERSID
            case (byte)'R': { var args = PopTuple(); var fn = AsGlobal(Pop()); Push(Call(fn, args)); break; } // REDUCE
            case 0x81: { var args = PopTuple(); var cls = AsGlobal(Pop()); Push(Call(cls, args)); break; } // NEWOBJ
            case 0x92: { Pop(); var args = PopTuple(); var cls = AsGlobal(Pop()); Push(Call(cls, args)); break; } // NEWOBJ_EX (kwargs ignored: allowed types take none)
            case (byte)'b': { var state = Pop(); Build(Peek(), state); break; } // BUILD
            default:
                throw new PickleFormatException($"unsupported pickle opcode 0x{op:x2}");
        }
        return false;
    }

    private PickleGlobal Resolve(string module, string name) =>
        _allow.Allows(module, name) ? new PickleGlobal(module, name) : throw new ScReproException(_allow.Refusal(module, name, _source));

    private object? Call(PickleGlobal fn, object?[] args)
    {
        try
        {
            return Constructed(_allow.Call(fn, args), args);
        }
        catch (ArgumentException e)
        {
            throw new PickleFormatException($"{fn.FullName}: {e.Message}");
        }
    }

    private void Build(object? target, object? state)
    {
        Change(target);
        if (!_allow.Build(target, state)) throw new PickleFormatException($"BUILD on {Describe(target)} is not supported");
        Hold(target!, [state]);
    }

    /// <summary>A constructed object keeps what built it (a bound on what it may retain): its size includes the arguments'.</summary>
    private object? Constructed(object? result, object?[] args)
    {
        if (result is null || result is string or long or bool or double || _costs.ContainsKey(result)) return result;
        Track(result);
        Hold(result, args);
        return result;
    }

    private object?[] Tuple(List<object?> items)
    {
        var tuple = Track(items.ToArray());
        Hold(tuple, items);
        return tuple;
    }

    private void Append(List<object?> list, IReadOnlyList<object?> items)
    {
        Change(list);
        Hold(list, items);
        list.AddRange(items);
    }

    private void SetItems(OrderedDictionary<object, object?> dict, IReadOnlyList<object?> items)
    {
        if (items.Count % 2 != 0) throw new PickleFormatException("odd number of items for a dict");
        Change(dict);
        Hold(dict, items);
        for (var i = 0; i < items.Count; i += 2)
            dict[items[i] ?? throw new PickleFormatException("dict key None is not supported")] = items[i + 1];
    }

    private T Track<T>(T container) where T : notnull
    {
        _costs[container] = new Cost(1, 0, 1);
        return container;
    }

    /// <summary>Refuses to change a container another one already holds (its size is counted there, or this closes a cycle).</summary>
    private void Change(object? container)
    {
        if (container is not null && _held.Contains(container))
            throw new PickleFormatException($"{Describe(container)} changed after another object took it: this builds a container that contains itself or grows a shared one (refused)");
    }

    /// <summary>Adds <paramref name="children"/> to <paramref name="parent"/>'s size and depth, checking the limits.</summary>
    private void Hold(object parent, IReadOnlyList<object?> children)
    {
        var cost = _costs.TryGetValue(parent, out var c) ? c : new Cost(1, 0, 1);
        foreach (var child in children)
        {
            if (ReferenceEquals(child, parent)) throw new PickleFormatException($"{Describe(parent)} contains itself (refused)");
            var (objects, bytes, depth) = CostOf(child);
            if (child is not null && _costs.ContainsKey(child)) _held.Add(child);
            cost = new Cost(cost.Objects + objects, cost.Bytes + bytes, Math.Max(cost.Depth, depth + 1));
            if (cost.Objects > _limits.MaxObjects)
                throw Bomb($"more than {_limits.MaxObjects} objects counting shared references (a memo bomb?)");
            if (cost.Bytes > _limits.MaxBytes)
                throw Bomb($"more than {_limits.MaxBytes} bytes of strings counting shared references (a memo bomb?)");
            if (cost.Depth > _limits.MaxDepth)
                throw Bomb($"containers nested deeper than {_limits.MaxDepth}");
        }
        _costs[parent] = cost;
    }

    private Cost CostOf(object? value) => value switch
    {
        null => new Cost(1, 0, 0),
        string s => new Cost(1, s.Length, 0),
        byte[] b => new Cost(1, b.Length, 0),
        _ => _costs.TryGetValue(value, out var c) ? c : new Cost(1, 0, 0),
    };

    private void Memoize(long key)
    {
        if (_memo.Count >= _limits.MaxMemo && !_memo.ContainsKey(key)) throw Bomb($"more than {_limits.MaxMemo} memo entries");
        _memo[key] = Peek();
    }

    private static PickleGlobal AsGlobal(object? value) =>
        value as PickleGlobal ?? throw new PickleFormatException($"call of {Describe(value)}, which is not a global");

    private object?[] PopTuple() => Pop() as object?[] ?? throw new PickleFormatException("call arguments are not a tuple");

    private string PopString() => Pop() as string ?? throw new PickleFormatException("STACK_GLOBAL needs two strings");

    private OrderedDictionary<object, object?> PeekDict() =>
        Peek() as OrderedDictionary<object, object?> ?? throw new PickleFormatException($"SETITEM on {Describe(Peek())}");

    private List<object?> PeekList() => Peek() as List<object?> ?? throw new PickleFormatException($"APPEND on {Describe(Peek())}");

    private object? MemoGet(long key) =>
        _memo.TryGetValue(key, out var v) ? v : throw new PickleFormatException($"memo key {key} was never stored");

    private void Push(object? value) => _stack.Add(value);

    private object? Peek()
    {
        if (_stack.Count == 0 || (_marks.Count > 0 && _marks.Peek() == _stack.Count)) throw new PickleFormatException("stack underflow");
        return _stack[^1];
    }

    private object? Pop()
    {
        var v = Peek();
        _stack.RemoveAt(_stack.Count - 1);
        return v;
    }

    private List<object?> PopMark()
    {
        if (_marks.Count == 0) throw new PickleFormatException("no MARK on the stack");
        var m = _marks.Pop();
        var items = _stack.GetRange(m, _stack.Count - m);
        _stack.RemoveRange(m, _stack.Count - m);
        return items;
    }

    private byte ReadByte()
    {
        if (_pos >= _data.Length) throw Truncated();
        return _data[_pos++];
    }

    private ReadOnlySpan<byte> ReadBytes(int n)
    {
        if (n < 0 || n > _data.Length - _pos) throw Truncated();
        var span = _data.AsSpan(_pos, n);
        _pos += n;
        return span;
    }

    private int ReadLength(long n) => n < 0 || n > _data.Length - _pos ? throw Truncated() : (int)n;

    private int ReadLength(ulong n) => n > (ulong)(_data.Length - _pos) ? throw Truncated() : (int)n;

    private string ReadUtf8(int n)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(ReadBytes(n));
        }
        catch (DecoderFallbackException)
        {
            throw new PickleFormatException("string is not valid UTF-8");
        }
    }

    private ReadOnlySpan<byte> ReadLineBytes()
    {
        var end = Array.IndexOf(_data, (byte)'\n', _pos);
        if (end < 0) throw Truncated();
        var span = _data.AsSpan(_pos, end - _pos);
        _pos = end + 1;
        return span;
    }

    private string ReadLine() => Encoding.UTF8.GetString(ReadLineBytes());

    /// <summary>Protocol 0's UNICODE: raw-unicode-escape (\uXXXX and \UXXXXXXXX) over latin-1.</summary>
    private static string RawUnicodeEscape(string latin1)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < latin1.Length; i++)
        {
            if (latin1[i] == '\\' && i + 5 < latin1.Length + 0 && latin1[i + 1] == 'u')
            {
                sb.Append((char)Convert.ToInt32(latin1.Substring(i + 2, 4), 16));
                i += 5;
            }
            else if (latin1[i] == '\\' && i + 9 < latin1.Length + 0 && latin1[i + 1] == 'U')
            {
                sb.Append(char.ConvertFromUtf32(Convert.ToInt32(latin1.Substring(i + 2, 8), 16)));
                i += 9;
            }
            else sb.Append(latin1[i]);
        }
        return sb.ToString();
    }

    /// <summary>LONG1/LONG4: little-endian two's complement; a long when it fits.</summary>
    private object ReadLong(int n)
    {
        var big = new BigInteger(ReadBytes(n), isUnsigned: false, isBigEndian: false);
        return big >= long.MinValue && big <= long.MaxValue ? (object)(long)big : big;
    }

    private static object ParseTextInt(string s)
    {
        // Protocol 0 writes True/False as "01"/"00" after INT.
        if (s == "01") return true;
        if (s == "00") return false;
        var big = BigInteger.Parse(s, CultureInfo.InvariantCulture);
        return big >= long.MinValue && big <= long.MaxValue ? (object)(long)big : big;
    }

    private static long ParseMemoKey(string s) =>
        long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? k : throw new PickleFormatException($"bad memo key '{s}'");

    private static string Describe(object? v) => v switch
    {
        null => "None",
        PickleGlobal g => g.FullName,
        List<object?> => "a list",
        OrderedDictionary<object, object?> => "a dict",
        object?[] => "a tuple",
        _ => v.GetType().Name,
    };

    private ScReproException Truncated() => Corrupt($"pickle is truncated at offset {_pos}");

    private ScReproException Bomb(string what) => new($"{_source}: refused pickle: {what}; limits are PickleLimits({_limits.MaxObjects} objects, {_limits.MaxBytes} bytes, {_limits.MaxMemo} memo entries, depth {_limits.MaxDepth})");

    private ScReproException Corrupt(string message) => new($"corrupt {_allow.FileKind} {_source}: {message}");
}
