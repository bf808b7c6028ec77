using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace ScRepro.Torch.Serialization.Pickle;

/// <summary>
/// Pickles a checkpoint object tree as protocol 2, the way torch.save does: tensors as
/// <c>torch._utils._rebuild_tensor_v2</c> over a persistent-id storage, state dicts as <c>collections.OrderedDict</c>.
/// No memo is written (values are never shared except storages, which go by key), so output depends only on the tree.
/// </summary>
internal sealed class PickleWriter
{
    private const int BatchSize = 1000;   // as pickle batches SETITEMS/APPENDS
    private readonly MemoryStream _out = new();
    private readonly Dictionary<StorageBlob, string> _keys = new(ReferenceEqualityComparer.Instance);
    private readonly List<StorageBlob> _storages = [];

    /// <summary>Storages in order of first appearance; the key of each is its index ("0", "1", …).</summary>
    public IReadOnlyList<StorageBlob> Storages => _storages;

    public byte[] Pickle(object? root)
    {
        _out.WriteByte(0x80);
        _out.WriteByte(2);
        Save(root);
        _out.WriteByte((byte)'.');
        return _out.ToArray();
    }

    private void Save(object? value)
    {
        switch (value)
        {
            case null: Op('N'); break;
            case bool b: _out.WriteByte(b ? (byte)0x88 : (byte)0x89); break;
            case long l: SaveInt(l); break;
            case int i: SaveInt(i); break;
            case BigInteger big: SaveLong1(big); break;
            case double d: SaveFloat(d); break;
            case float f: SaveFloat(f); break;
            case string s: SaveString(s); break;
            case StoredTensor t: SaveTensor(t); break;
            case TorchOrderedDict od:
                SaveGlobal("collections", "OrderedDict");
                Op(')');
                Op('R');
                SaveItems(od);
                if (od.State is not null)
                {
                    Save(od.State);
                    Op('b');
                }
                break;
            case OrderedDictionary<object, object?> dict:
                Op('}');
                SaveItems(dict);
                break;
            case List<object?> list:
                Op(']');
                for (var start = 0; start < list.Count; start += BatchSize)
                {
                    Op('(');
                    for (var i = start; i < Math.Min(list.Count, start + BatchSize); i++) Save(list[i]);
                    Op('e');
                }
                break;
            case object?[] tuple: SaveTuple(tuple); break;
            default:
                throw new ArgumentException($"cannot write a {value.GetType().Name} into a checkpoint (supported: dict, list, tuple, str, int, float, bool, None, tensor)");
        }
    }

    private void SaveItems(OrderedDictionary<object, object?> dict)
    {
        var items = dict.ToList();
        for (var start = 0; start < items.Count; start += BatchSize)
        {
            Op('(');
            for (var i = start; i < Math.Min(items.Count, start + BatchSize); i++)
            {
                Save(items[i].Key);
                Save(items[i].Value);
            }
            Op('u');
        }
    }

    private void SaveTuple(object?[] tuple)
    {
        switch (tuple.Length)
        {
            case 0: Op(')'); return;
            case 1: Save(tuple[0]); _out.WriteByte(0x85); return;
            case 2: Save(tuple[0]); Save(tuple[1]); _out.WriteByte(0x86); return;
            case 3: Save(tuple[0]); Save(tuple[1]); Save(tuple[2]); _out.WriteByte(0x87); return;
        }
        Op('(');
        foreach (var item in tuple) Save(item);
        Op('t');
    }

    private void SaveTensor(StoredTensor t)
    {
        SaveGlobal("torch._utils", "_rebuild_tensor_v2");
        Op('(');
        // Persistent id ('storage', torch.<X>Storage, key, location, numel) — exactly torch 1.13's.
        Op('(');
        SaveString("storage");
        SaveGlobal("torch", t.DType.StorageClass());
        SaveString(KeyOf(t.Storage));
        SaveString(t.Device);
        SaveInt(t.Storage.ElementCount);
        Op('t');
        Op('Q');
        SaveInt(t.StorageOffset);
        SaveTuple(t.Shape.Select(x => (object?)x).ToArray());
        SaveTuple(t.Strides.Select(x => (object?)x).ToArray());
        Save(t.RequiresGrad);
        // backward_hooks: an empty OrderedDict
        SaveGlobal("collections", "OrderedDict");
        Op(')');
        Op('R');
        Op('t');
        Op('R');
    }

    private string KeyOf(StorageBlob blob)
    {
        if (!_keys.TryGetValue(blob, out var key))
        {
            key = _storages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _keys[blob] = key;
            _storages.Add(blob);
        }
        return key;
    }

    private void SaveGlobal(string module, string name)
    {
        Op('c');
        var bytes = Encoding.UTF8.GetBytes($"{module}\n{name}\n");
        _out.Write(bytes);
    }

    private void SaveInt(long v)
    {
        Span<byte> b = stackalloc byte[4];
        if (v is >= 0 and <= 0xFF)
        {
            Op('K');
            _out.WriteByte((byte)v);
        }
        else if (v is >= 0 and <= 0xFFFF)
        {
            Op('M');
            BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v);
            _out.Write(b[..2]);
        }
        else if (v is >= int.MinValue and <= int.MaxValue)
        {
            Op('J');
            BinaryPrimitives.WriteInt32LittleEndian(b, (int)v);
            _out.Write(b);
        }
        else
        {
            SaveLong1(v);
        }
    }

    private void SaveLong1(BigInteger v)
    {
        var bytes = v.ToByteArray(isUnsigned: false, isBigEndian: false);
        if (bytes.Length > 255) throw new ArgumentException("integer too large for LONG1");
        _out.WriteByte(0x8a);
        _out.WriteByte((byte)bytes.Length);
        _out.Write(bytes);
    }

    private void SaveFloat(double d)
    {
        Op('G');
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(b, d);
        _out.Write(b);
    }

    private void SaveString(string s)
    {
        Op('X');
        var bytes = Encoding.UTF8.GetBytes(s);
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(len, (uint)bytes.Length);
        _out.Write(len);
        _out.Write(bytes);
    }

    private void Op(char c) => _out.WriteByte((byte)c);
}
