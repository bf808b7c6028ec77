using System.Text;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;
using ScRepro.Torch.Serialization.Pickle;
using ScRepro.Torch.Serialization.Zip;

namespace ScRepro.Torch.Serialization;

/// <summary>
/// Reads and writes PyTorch checkpoint files without libtorch and without ever running code from them.
/// Reading accepts torch.save's zip and legacy formats and safetensors; writing produces torch.save's zip format.
/// </summary>
public static class TorchCheckpoint
{
    private static readonly Dictionary<string, string> NoMetadata = [];

    /// <summary>Recognises the container from the first bytes; throws (exit 2) naming the file if it is none of them.</summary>
    public static CheckpointFormat DetectFormat(string path)
    {
        Span<byte> head = stackalloc byte[9];
        int n;
        try
        {
            using var f = File.OpenRead(path);
            n = f.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScReproException($"cannot read checkpoint {path}: {e.Message}", inner: e);
        }
        if (n >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4) return CheckpointFormat.Zip;
        // Legacy files open with a pickle of the magic number: PROTO 2, LONG1 10 by default; with pickle_protocol=4/5
        // a FRAME comes first. The reader checks the number itself.
        if (n >= 2 && head[0] == 0x80 && head[1] is >= 2 and <= 5) return CheckpointFormat.Legacy;
        if (n >= 9 && head[8] == (byte)'{') return CheckpointFormat.SafeTensors;
        throw new ScReproException(n == 0
            ? $"corrupt checkpoint {path}: the file is empty"
            : $"unrecognised checkpoint {path}: not a torch.save zip, a legacy torch.save file or safetensors (first bytes {Convert.ToHexString(head[..n])})");
    }

    /// <summary>Loads any supported checkpoint. Refused pickle globals, truncation and corruption throw ScReproException (exit 2).</summary>
    public static Checkpoint Read(string path)
    {
        if (!File.Exists(path)) throw new ScReproException($"checkpoint {path} does not exist");
        return DetectFormat(path) switch
        {
            CheckpointFormat.Zip => new Checkpoint(CheckpointFormat.Zip, ZipCheckpointReader.Read(path), NoMetadata),
            CheckpointFormat.Legacy => new Checkpoint(CheckpointFormat.Legacy, LegacyCheckpointReader.Read(path), NoMetadata),
            _ => SafeTensorsFile.Read(path),
        };
    }

    /// <summary>Loads a state dict: the checkpoint's top-level dict of name → tensor (nested dicts are flattened with ".").</summary>
    public static IReadOnlyList<KeyValuePair<string, StoredTensor>> ReadStateDict(string path)
    {
        var checkpoint = Read(path);
        try
        {
            return checkpoint.Tensors();
        }
        catch (ArgumentException e)
        {
            throw new ScReproException($"unsupported checkpoint {path}: {e.Message}", inner: e);
        }
    }

    /// <summary>
    /// Writes <paramref name="root"/> as torch.save would (zip format), atomically. The archive folder defaults to the
    /// file stem, as torch 1.13 names it; torch.load accepts any single top-level folder.
    /// </summary>
    public static void Write(string path, object? root, string? archiveName = null)
    {
        var name = archiveName ?? Path.GetFileNameWithoutExtension(Path.GetFullPath(path));
        AtomicFile.Write(path, stream => WriteTo(stream, root, name));
    }

    /// <summary>Writes a state dict (collections.OrderedDict of name → tensor) in the given order.</summary>
    public static void WriteStateDict(string path, IEnumerable<KeyValuePair<string, StoredTensor>> tensors, string? archiveName = null)
    {
        var dict = new TorchOrderedDict();
        foreach (var (k, v) in tensors)
        {
            if (!dict.TryAdd(k, v)) throw new ArgumentException($"duplicate state dict key {k}");
        }
        Write(path, dict, archiveName);
    }

    /// <summary>The bytes <see cref="Write"/> would write: same tree and archive name, same bytes.</summary>
    public static byte[] Serialize(object? root, string archiveName = "archive")
    {
        using var ms = new MemoryStream();
        WriteTo(ms, root, archiveName);
        return ms.ToArray();
    }

    /// <summary>Writes the zip to <paramref name="output"/> (storages are streamed, not copied into one buffer).</summary>
    public static void WriteTo(Stream output, object? root, string archiveName = "archive")
    {
        if (archiveName.Length == 0 || archiveName.Contains('/')) throw new ArgumentException("archive name must be one non-empty folder name");
        // Pickle first: it validates the whole tree before a byte is written.
        var writer = new PickleWriter();
        var pickle = writer.Pickle(root);
        var zip = new StoredZipWriter(output);
        var prefix = archiveName + "/";
        zip.Add(prefix + "data.pkl", pickle);
        zip.Add(prefix + "byteorder", "little"u8);
        // torch 1.13 writes storages sorted by key as strings ("0", "1", "10", "2", …); keep that order.
        foreach (var (blob, key) in writer.Storages.Select((b, i) => (b, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                     .OrderBy(p => p.Item2, StringComparer.Ordinal))
        {
            zip.Add(prefix + "data/" + key, blob.Data);
        }
        zip.Add(prefix + "version", Encoding.ASCII.GetBytes("3\n"));
        zip.Finish();
    }
}
