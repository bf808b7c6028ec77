using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using ScRepro.Foundation.Graphs;
using ScRepro.Foundation.Errors;

namespace ScRepro.Torch.Serialization.Pickle;

/// <summary>
/// A pickle virtual machine for the opcodes torch.save emits (protocols 2-5), building the checkpoint object tree.
/// It never imports or calls anything: GLOBAL names pass <see cref="AllowedGlobals"/> or the load fails, and REDUCE
/// of an allowed name runs a fixed managed constructor (<see cref="TorchRebuild"/>).
/// </summary>
internal sealed class RestrictedUnpickler
{
    private readonly byte[] _data;
    private readonly string _source;
    private readonly Func<object?[], StorageBlob> _persistentLoad;
    private readonly List<object?> _stack = [];
    private readonly Stack<int> _marks = new();
    private readonly Dictionary<long, object?> _memo = [];
    private int _pos;

    /// <param name="data">Buffer holding the pickle.</param>
    /// <param name="start">Offset of its first opcode (legacy files hold several pickles back to back).</param>
    /// <param name="source">File (and record) named in errors.</param>
    /// <param name="persistentLoad">Turns a BINPERSID tuple into a storage.</param>
    public RestrictedUnpickler(byte[] data, int start, string source, Func<object?[], StorageBlob> persistentLoad)
    {
        _data = data;
        _pos = start;
        _source = source;
        _persistentLoad = persistentLoad;
    }

    /// <summary>Offset just after the STOP opcode once <see cref="Load"/> has returned.</summary>
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
                    // The walk that flattens a checkpoint follows every shared reference: bound it before anyone does.
                    var result = Pop();
                    ExpandedSize.Check(result, _source);
                    return result;
                }
            }
            catch (PickleFormatException e)
            {
                throw Corrupt($"{e.Message} (opcode 0x{op:x2} at offset {at})");
            }
            catch (ArgumentException e)
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
            case 0x95: ReadBytes(8); break;                                  // FRAME: framing is only a read hint
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
            case (byte)'U': Push(Encoding.Latin1.GetString(ReadBytes(ReadByte()))); break; // SHORT_BINSTRING (py2 str)
            case (byte)'T': Push(Encoding.Latin1.GetString(ReadBytes(ReadLength(BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4)))))); break; // BINSTRING
            case (byte)'C': Push(ReadBytes(ReadByte()).ToArray()); break;    // SHORT_BINBYTES
            case (byte)'B': Push(ReadBytes(ReadLength(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4)))).ToArray()); break; // BINBYTES
            case 0x8e: Push(ReadBytes(ReadLength(BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8)))).ToArray()); break; // BINBYTES8
            case 0x96: Push(ReadBytes(ReadLength(BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8)))).ToArray()); break; // BYTEARRAY8
            case (byte)')': Push(Array.Empty<object?>()); break;             // EMPTY_TUPLE
            case (byte)'t': Push(PopMark().ToArray()); break;                // TUPLE
            case 0x85: Push(new[] { Pop() }); break;                         // TUPLE1
            case 0x86: { var b = Pop(); var a = Pop(); Push(new[] { a, b }); break; } // TUPLE2
            case 0x87: { var c = Pop(); var b = Pop(); var a = Pop(); Push(new[] { a, b, c }); break; } // TUPLE3
            case (byte)']': Push(new List<object?>()); break;                // EMPTY_LIST
            case (byte)'l': Push(PopMark()); break;                          // LIST
            case (byte)'a': { var v = Pop(); PeekList().Add(v); break; }     // APPEND
            case (byte)'e': { var items = PopMark(); PeekList().AddRange(items); break; } // APPENDS
            case (byte)'}': Push(new OrderedDictionary<object, object?>()); break; // EMPTY_DICT
            case (byte)'d': { var items = PopMark(); var d = new OrderedDictionary<object, object?>(); SetItems(d, items); Push(d); break; } // DICT
            case (byte)'s': { var v = Pop(); var k = Pop(); SetItem(PeekDict(), k, v); break; } // SETITEM
            case (byte)'u': { var items = PopMark(); SetItems(PeekDict(), items); break; } // SETITEMS
            case (byte)'q': _memo[ReadByte()] = Peek(); break;                // BINPUT
            case (byte)'r': _memo[BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4))] = Peek(); break; // LONG_BINPUT
            case 0x94: _memo[_memo.Count] = Peek(); break;                   // MEMOIZE
            case (byte)'p': _memo[ParseMemoKey(ReadLine())] = Peek(); break; // PUT
            case (byte)'h': Push(MemoGet(ReadByte())); break;                // BINGET
            case (byte)'j': Push(MemoGet(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4)))); break; // LONG_BINGET
            case (byte)'g': Push(MemoGet(ParseMemoKey(ReadLine()))); break;  // GET
            case (byte)'c': { var module = ReadLine(); var name = ReadLine(); Push(AllowedGlobals.Resolve(module, name, _source)); break; } // GLOBAL
            case 0x93: { var name = PopString(); var module = PopString(); Push(AllowedGlobals.Resolve(module, name, _source)); break; } // STACK_GLOBAL
            case (byte)'i': { var module = ReadLine(); var name = ReadLine(); var g = AllowedGlobals.Resolve(module, name, _source); Push(Call(g, PopMark().ToArray())); break; } // INST
            case (byte)'o': { var items = PopMark(); if (items.Count == 0) throw new PickleFormatException("OBJ without a class"); Push(Call(AsGlobal(items[0]), items.Skip(1).ToArray())); break; } // OBJ
            case (byte)'Q': { var pid = Pop() as object?[] ?? throw new PickleFormatException("persistent id is not a tuple"); Push(_persistentLoad(pid)); break; } // BINPERSID
            case (byte)'R': { var args = PopTuple(); var fn = AsGlobal(Pop()); Push(Call(fn, args)); break; } // REDUCE
            case 0x81: { var args = PopTuple(); var cls = AsGlobal(Pop()); Push(Call(cls, args)); break; } // NEWOBJ
            case 0x92: { Pop(); var args = PopTuple(); var cls = AsGlobal(Pop()); Push(Call(cls, args)); break; } // NEWOBJ_EX (kwargs ignored: allowed types take none)
            case (byte)'b': { var state = Pop(); Build(Peek(), state); break; } // BUILD
            default:
                throw Corrupt($"unsupported pickle opcode 0x{op:x2} at offset {_pos - 1}");
        }
        return false;
    }

    private object? Call(PickleGlobal fn, object?[] args)
    {
        try
        {
            return TorchRebuild.Call(fn, args);
        }
        catch (ArgumentException e)
        {
            throw new PickleFormatException($"{fn.FullName}: {e.Message}");
        }
    }

    private static void Build(object? target, object? state)
    {
        switch (target)
        {
            case TorchOrderedDict od:
                od.State = state;   // state dicts carry {'_metadata': …} here
                break;
            case StoredTensor:
                break;              // parameter/tensor python attributes (torch ≥ 2 _rebuild_parameter_with_state) are not needed
            default:
                throw new PickleFormatException($"BUILD on {Describe(target)} is not supported");
        }
    }

    private static void SetItems(OrderedDictionary<object, object?> dict, List<object?> items)
    {
        if (items.Count % 2 != 0) throw new PickleFormatException("odd number of items for a dict");
        for (var i = 0; i < items.Count; i += 2) SetItem(dict, items[i], items[i + 1]);
    }

    private static void SetItem(OrderedDictionary<object, object?> dict, object? key, object? value)
    {
        if (key is null) throw new PickleFormatException("dict key None is not supported");
        dict[key] = value;
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

    private string ReadLine()
    {
        var end = Array.IndexOf(_data, (byte)'\n', _pos);
        if (end < 0) throw Truncated();
        var s = Encoding.UTF8.GetString(_data, _pos, end - _pos);
        _pos = end + 1;
        return s;
    }

    /// <summary>LONG1/LONG4: little-endian two's complement; long when it fits (it always does in torch checkpoints).</summary>
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
        _ => v.GetType().Name,
    };

    private ScReproException Truncated() => Corrupt($"pickle is truncated at offset {_pos}");

    private ScReproException Corrupt(string message) => new($"corrupt checkpoint {_source}: {message}");
}
