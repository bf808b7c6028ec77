using System.IO.Compression;
using System.Text;
using ScRepro.Foundation.Errors;
using ScRepro.Pickle;
using ScRepro.Torch.Serialization.Pickle;

namespace ScRepro.Torch.Serialization;

/// <summary>Reads torch.save's zip format: &lt;archive&gt;/data.pkl plus one &lt;archive&gt;/data/&lt;key&gt; record per storage.</summary>
internal static class ZipCheckpointReader
{
    public static object? Read(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var prefix = FindPrefix(zip, path);
            var byteOrder = zip.GetEntry(prefix + "byteorder");
            if (byteOrder is not null && Encoding.ASCII.GetString(ReadEntry(byteOrder)).Trim() != "little")
            {
                throw new ScReproException($"unsupported checkpoint {path}: record {prefix}byteorder is not \"little\"");
            }
            var pickle = ReadEntry(zip.GetEntry(prefix + "data.pkl")!);
            var storages = new Dictionary<string, StorageBlob>();
            var source = $"{path} (record {prefix}data.pkl)";
            var unpickler = new Unpickler(pickle, 0, source, new TorchAllowList(pid =>
            {
                var id = StoragePersistentId.Parse(pid);
                if (storages.TryGetValue(id.Key, out var known)) return known;
                var entry = zip.GetEntry(prefix + "data/" + id.Key)
                    ?? throw new ScReproException($"corrupt checkpoint {path}: storage record {prefix}data/{id.Key} is missing");
                var bytes = ReadEntry(entry);
                var expected = id.ElementCount * id.DType.ItemSize();
                if (bytes.LongLength != expected)
                {
                    throw new ScReproException(
                        $"corrupt checkpoint {path}: record {prefix}data/{id.Key} has {bytes.LongLength} bytes, expected {expected} ({id.ElementCount} {id.DType.Name()})");
                }
                var blob = new StorageBlob(id.DType, bytes, id.Location, id.Key);
                storages[id.Key] = blob;
                return blob;
            }));
            return unpickler.Load();
        }
        catch (InvalidDataException e)
        {
            throw new ScReproException($"corrupt checkpoint {path}: not a readable zip archive ({e.Message})", inner: e);
        }
        catch (EndOfStreamException e)
        {
            throw new ScReproException($"corrupt checkpoint {path}: a zip record is truncated", inner: e);
        }
    }

    /// <summary>The single top-level folder holding data.pkl; torch names it after the file stem, or "archive".</summary>
    private static string FindPrefix(ZipArchive zip, string path)
    {
        var candidates = zip.Entries
            .Select(e => e.FullName)
            .Where(n => n.EndsWith("/data.pkl", StringComparison.Ordinal) && n.IndexOf('/') == n.Length - "/data.pkl".Length)
            .ToList();
        return candidates.Count switch
        {
            1 => candidates[0][..^"data.pkl".Length],
            0 => throw new ScReproException($"corrupt checkpoint {path}: no <archive>/data.pkl record in the zip"),
            _ => throw new ScReproException($"corrupt checkpoint {path}: several data.pkl records ({string.Join(", ", candidates)})"),
        };
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        if (entry.Length > Array.MaxLength) throw new InvalidDataException($"record {entry.FullName} is too large");
        var bytes = new byte[entry.Length];
        using var s = entry.Open();
        s.ReadExactly(bytes);
        return bytes;
    }
}
