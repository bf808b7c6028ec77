using System.Text;
using ScRepro.Foundation.Errors;
using ScRepro.Pickle;
using ScRepro.Torch.Serialization.Pickle;
using ScRepro.Torch.Serialization.Zip;

namespace ScRepro.Torch.Serialization;

/// <summary>Reads torch.save's zip format: &lt;archive&gt;/data.pkl plus one &lt;archive&gt;/data/&lt;key&gt; record per storage.</summary>
internal static class ZipCheckpointReader
{
    public static object? Read(string path)
    {
        try
        {
            using var zip = ZipRecordReader.Open(path);
            var prefix = FindPrefix(zip, path);
            if (zip.Contains(prefix + "byteorder") && Encoding.ASCII.GetString(zip.Read(prefix + "byteorder")).Trim() != "little")
            {
                throw new ScReproException($"unsupported checkpoint {path}: record {prefix}byteorder is not \"little\"");
            }
            var pickle = zip.Read(prefix + "data.pkl");
            var storages = new Dictionary<string, StorageBlob>();
            // All storage records in one read where they are stored side by side, as torch.save writes them.
            var together = zip.ReadStoredTogether(zip.Names.Where(n => n.StartsWith(prefix + "data/", StringComparison.Ordinal)).ToList());
            var source = $"{path} (record {prefix}data.pkl)";
            var unpickler = new Unpickler(pickle, 0, source, new TorchAllowList(pid =>
            {
                var id = StoragePersistentId.Parse(pid);
                if (storages.TryGetValue(id.Key, out var known)) return known;
                var record = prefix + "data/" + id.Key;
                if (!zip.Contains(record)) throw new ScReproException($"corrupt checkpoint {path}: storage record {record} is missing");
                // The size is checked before reading, so a pickle cannot make us allocate what the record does not hold.
                var expected = id.ElementCount * id.DType.ItemSize();
                if (zip.SizeOf(record) != expected)
                {
                    throw new ScReproException(
                        $"corrupt checkpoint {path}: record {record} has {zip.SizeOf(record)} bytes, expected {expected} ({id.ElementCount} {id.DType.Name()})");
                }
                var blob = together is { } t && t.Slices.TryGetValue(record, out var slice)
                    ? new StorageBlob(id.DType, t.Span, slice.Offset, slice.Length, id.Location, id.Key)
                    : new StorageBlob(id.DType, zip.Read(record), id.Location, id.Key);
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
            throw new ScReproException($"corrupt checkpoint {path}: {e.Message}", inner: e);
        }
    }

    /// <summary>The single top-level folder holding data.pkl; torch names it after the file stem, or "archive".</summary>
    private static string FindPrefix(ZipRecordReader zip, string path)
    {
        var candidates = zip.Names
            .Where(n => n.EndsWith("/data.pkl", StringComparison.Ordinal) && n.IndexOf('/') == n.Length - "/data.pkl".Length)
            .ToList();
        return candidates.Count switch
        {
            1 => candidates[0][..^"data.pkl".Length],
            0 => throw new ScReproException($"corrupt checkpoint {path}: no <archive>/data.pkl record in the zip"),
            _ => throw new ScReproException($"corrupt checkpoint {path}: several data.pkl records ({string.Join(", ", candidates)})"),
        };
    }
}
