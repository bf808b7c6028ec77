using System.Buffers.Binary;
using System.Numerics;
using ScRepro.Foundation.Errors;
using ScRepro.Pickle;
using ScRepro.Torch.Serialization.Pickle;

namespace ScRepro.Torch.Serialization;

/// <summary>
/// Reads torch.save's pre-1.6 format: pickles of the magic number, the protocol version (1001) and sys_info, then the
/// object pickle, then a pickle of the storage keys, then per key an int64 element count and the raw bytes.
/// </summary>
internal static class LegacyCheckpointReader
{
    private static readonly BigInteger Magic = BigInteger.Parse("1950a86a20f9469cfc6c", System.Globalization.NumberStyles.HexNumber);

    public static object? Read(string path)
    {
        var data = File.ReadAllBytes(path);
        var pos = 0;
        object? Next(string what, Func<object?[], StorageBlob>? persistentLoad = null)
        {
            var u = new Unpickler(data, pos, $"{path} ({what})", new TorchAllowList(
                persistentLoad ?? (_ => throw new ScReproException($"corrupt checkpoint {path}: unexpected storage in the {what}"))));
            var value = u.Load();
            pos = u.Position;
            return value;
        }

        var magic = Next("magic number");
        if (!(magic is BigInteger m && m == Magic))
        {
            throw new ScReproException($"corrupt checkpoint {path}: legacy magic number is wrong");
        }
        if (Next("protocol version") is not 1001L)
        {
            throw new ScReproException($"unsupported checkpoint {path}: legacy protocol version is not 1001");
        }
        if (Next("sys_info") is OrderedDictionary<object, object?> sysInfo
            && sysInfo.TryGetValue("little_endian", out var little) && little is false)
        {
            throw new ScReproException($"unsupported checkpoint {path}: sys_info says big-endian");
        }

        var storages = new Dictionary<string, StorageBlob>();
        var root = Next("object pickle", pid =>
        {
            var id = StoragePersistentId.Parse(pid);
            if (storages.TryGetValue(id.Key, out var known)) return known;
            var blob = new StorageBlob(id.DType, id.ElementCount, id.Location, id.Key);
            storages[id.Key] = blob;
            return blob;
        });

        if (Next("storage key list") is not List<object?> keys)
        {
            throw new ScReproException($"corrupt checkpoint {path}: storage key list is not a list");
        }
        foreach (var k in keys)
        {
            if (k is not string key || !storages.TryGetValue(key, out var blob))
            {
                throw new ScReproException($"corrupt checkpoint {path}: storage key {k} is not used by any tensor");
            }
            if (data.Length - pos < 8) throw Truncated(path, key);
            var numel = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(pos, 8));
            pos += 8;
            if (numel != blob.ElementCount)
            {
                throw new ScReproException($"corrupt checkpoint {path}: storage {key} holds {numel} elements, the pickle says {blob.ElementCount}");
            }
            var size = numel * blob.DType.ItemSize();
            if (data.Length - pos < size) throw Truncated(path, key);
            blob.Fill(data.AsSpan(pos, (int)size).ToArray());
            pos += (int)size;
        }
        var missing = storages.Values.FirstOrDefault(s => !s.HasData);
        if (missing is not null)
        {
            throw new ScReproException($"corrupt checkpoint {path}: storage {missing.Key} is not in the storage key list");
        }
        return root;
    }

    private static ScReproException Truncated(string path, string key) =>
        new($"corrupt checkpoint {path}: file ends inside storage {key}");
}
