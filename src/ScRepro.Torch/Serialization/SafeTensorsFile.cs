using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScRepro.Foundation.Errors;
using ScRepro.Foundation.IO;

namespace ScRepro.Torch.Serialization;

/// <summary>
/// Hugging Face safetensors: u64 LE header length N, N bytes of JSON header (padded with spaces to a multiple of 8),
/// then the data. Header entries: <c>{"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}</c> plus an optional
/// <c>__metadata__</c> map of strings. Layout and validation follow the reference crate (safetensors/src/tensor.rs).
/// </summary>
public static class SafeTensorsFile
{
    private const long MaxHeaderSize = 100_000_000;   // the reference reader's limit

    /// <summary>Reads a safetensors file as a dict of name → tensor in data order (the order the writer laid them out).</summary>
    public static Checkpoint Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScReproException($"cannot read checkpoint {path}: {e.Message}", inner: e);
        }
        if (bytes.Length < 8) throw Corrupt(path, "shorter than the 8-byte header length");
        var n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (n > MaxHeaderSize) throw Corrupt(path, $"header length {n} is over the 100 MB limit");
        if ((ulong)bytes.Length < 8 + n) throw Corrupt(path, $"header length {n} passes the end of the file (truncated?)");
        var dataStart = 8 + (int)n;

        var entries = new List<(string Name, TorchDType DType, long[] Shape, long Begin, long End, int Order)>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(bytes.AsMemory(8, (int)n));
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw Corrupt(path, "header is not a JSON object");
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (prop.Name == "__metadata__")
                {
                    foreach (var m in prop.Value.EnumerateObject())
                    {
                        metadata[m.Name] = m.Value.GetString() ?? throw Corrupt(path, $"__metadata__.{m.Name} is not a string");
                    }
                    continue;
                }
                var e = prop.Value;
                var code = e.GetProperty("dtype").GetString() ?? "";
                if (!TorchDTypes.TryFromSafetensorsCode(code, out var dtype)) throw Corrupt(path, $"tensor {prop.Name}: unsupported dtype {code}");
                var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
                var offsets = e.GetProperty("data_offsets").EnumerateArray().Select(x => x.GetInt64()).ToArray();
                if (offsets.Length != 2) throw Corrupt(path, $"tensor {prop.Name}: data_offsets must have two numbers");
                entries.Add((prop.Name, dtype, shape, offsets[0], offsets[1], entries.Count));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException)
        {
            throw Corrupt(path, $"header is not valid safetensors JSON ({e.Message})");
        }

        // As the reference: tensors sorted by offsets must tile the data section exactly.
        entries.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.Order.CompareTo(b.Order));
        var root = new OrderedDictionary<object, object?>();
        long expectedBegin = 0;
        var dataLength = bytes.LongLength - dataStart;
        foreach (var (name, dtype, shape, begin, end, _) in entries)
        {
            long numel = 1;
            foreach (var s in shape)
            {
                if (s < 0) throw Corrupt(path, $"tensor {name}: negative dimension");
                numel = checked(numel * s);
            }
            if (begin != expectedBegin || end < begin) throw Corrupt(path, $"tensor {name}: data_offsets [{begin}, {end}] do not follow the previous tensor (expected begin {expectedBegin})");
            if (end - begin != numel * dtype.ItemSize()) throw Corrupt(path, $"tensor {name}: data_offsets span {end - begin} bytes but {dtype.Name()}[{string.Join(", ", shape)}] needs {numel * dtype.ItemSize()}");
            if (end > dataLength) throw Corrupt(path, $"tensor {name}: data ends at {end} but the file holds {dataLength} data bytes (truncated?)");
            var blob = new StorageBlob(dtype, bytes.AsSpan(dataStart + (int)begin, (int)(end - begin)).ToArray(), "cpu", name);
            root[name] = new StoredTensor(blob, 0, shape, StoredTensor.ContiguousStrides(shape));
            expectedBegin = end;
        }
        if (expectedBegin != dataLength) throw Corrupt(path, $"{dataLength - expectedBegin} data bytes after the last tensor are not described by the header");
        return new Checkpoint(CheckpointFormat.SafeTensors, root, metadata);
    }

    /// <summary>
    /// Writes tensors (each made contiguous) as the reference writer does: ordered by dtype alignment (largest first),
    /// then name; header JSON compact with <c>__metadata__</c> first (its keys sorted here for determinism), padded with
    /// spaces to a multiple of 8.
    /// </summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, StoredTensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null) =>
        AtomicFile.WriteAllBytes(path, Serialize(tensors, metadata));

    /// <summary>The bytes <see cref="Write"/> writes.</summary>
    public static byte[] Serialize(IEnumerable<KeyValuePair<string, StoredTensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var list = tensors.ToList();
        if (list.Select(t => t.Key).Distinct(StringComparer.Ordinal).Count() != list.Count) throw new ArgumentException("duplicate tensor names");
        if (list.Any(t => t.Key == "__metadata__")) throw new ArgumentException("a tensor may not be named __metadata__");
        list.Sort((a, b) =>
        {
            var byDtype = b.Value.DType.SafetensorsRank().CompareTo(a.Value.DType.SafetensorsRank());
            return byDtype != 0 ? byDtype : string.CompareOrdinal(a.Key, b.Key);
        });

        var payloads = list.Select(t => t.Value.ContiguousBytes()).ToList();
        using var header = new MemoryStream();
        using (var w = new Utf8JsonWriter(header, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            if (metadata is not null)
            {
                w.WriteStartObject("__metadata__");
                foreach (var (k, v) in metadata.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(k, v);
                w.WriteEndObject();
            }
            long offset = 0;
            for (var i = 0; i < list.Count; i++)
            {
                var t = list[i].Value;
                w.WriteStartObject(list[i].Key);
                w.WriteString("dtype", t.DType.SafetensorsCode());
                w.WriteStartArray("shape");
                foreach (var s in t.Shape) w.WriteNumberValue(s);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(offset + payloads[i].Length);
                w.WriteEndArray();
                w.WriteEndObject();
                offset += payloads[i].Length;
            }
            w.WriteEndObject();
        }
        var headerBytes = header.ToArray();
        var pad = (8 - headerBytes.Length % 8) % 8;
        using var output = new MemoryStream();
        Span<byte> len = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)(headerBytes.Length + pad));
        output.Write(len);
        output.Write(headerBytes);
        for (var i = 0; i < pad; i++) output.WriteByte((byte)' ');
        foreach (var p in payloads) output.Write(p);
        return output.ToArray();
    }

    private static ScReproException Corrupt(string path, string message) => new($"corrupt checkpoint {path}: {message}");
}
