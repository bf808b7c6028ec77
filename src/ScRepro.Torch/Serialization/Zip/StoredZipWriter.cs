using System.Buffers.Binary;
using System.Text;
using ScRepro.Foundation.Errors;

namespace ScRepro.Torch.Serialization.Zip;

/// <summary>
/// Writes an uncompressed zip the way torch's PyTorchStreamWriter lays it out: every record STORED, its data
/// 64-byte aligned by an "FB" padding extra field (so readers can map records in place), and a fixed timestamp
/// (DOS date/time 0, as torch writes) so the same records always give the same bytes.
/// </summary>
internal sealed class StoredZipWriter
{
    private const int Alignment = 64;
    private readonly Stream _out;
    private readonly List<(byte[] Name, uint Crc, uint Size, uint Offset)> _entries = [];
    private long _pos;

    public StoredZipWriter(Stream output) => _out = output;

    public void Add(string name, ReadOnlySpan<byte> data)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        if (_pos + data.Length + 1024 > uint.MaxValue)
        {
            // ZIP64 is what torch uses past 4 GB; our checkpoints are far smaller, so refuse rather than write a bad file.
            throw new ScReproException($"checkpoint record {name} would pass the 4 GB zip limit (ZIP64 is not written)");
        }
        var headerEnd = _pos + 30 + nameBytes.Length;
        // Padding extra field: 2-byte id "FB", 2-byte length, then 'Z' filler up to the next 64-byte boundary.
        var pad = (int)((Alignment - (headerEnd + 4) % Alignment) % Alignment);
        var extraLength = 4 + pad;
        var crc = Crc32.Compute(data);
        var offset = (uint)_pos;

        Span<byte> h = stackalloc byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(h, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], 20);          // version needed
        BinaryPrimitives.WriteUInt16LittleEndian(h[6..], 0x0800);      // flags: UTF-8 names
        BinaryPrimitives.WriteUInt16LittleEndian(h[8..], 0);           // method: stored
        BinaryPrimitives.WriteUInt16LittleEndian(h[10..], 0);          // time
        BinaryPrimitives.WriteUInt16LittleEndian(h[12..], 0);          // date
        BinaryPrimitives.WriteUInt32LittleEndian(h[14..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(h[18..], (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[22..], (uint)data.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(h[26..], (ushort)nameBytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(h[28..], (ushort)extraLength);
        Write(h);
        Write(nameBytes);
        Span<byte> extra = stackalloc byte[4];
        extra[0] = (byte)'F';
        extra[1] = (byte)'B';
        BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], (ushort)pad);
        Write(extra);
        var filler = new byte[pad];
        filler.AsSpan().Fill((byte)'Z');
        Write(filler);
        Write(data);
        _entries.Add((nameBytes, crc, (uint)data.Length, offset));
    }

    /// <summary>Writes the central directory and end record.</summary>
    public void Finish()
    {
        var cdStart = _pos;
        Span<byte> c = stackalloc byte[46];
        foreach (var (name, crc, size, offset) in _entries)
        {
            c.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(c, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(c[4..], 20);      // version made by
            BinaryPrimitives.WriteUInt16LittleEndian(c[6..], 20);      // version needed
            BinaryPrimitives.WriteUInt16LittleEndian(c[8..], 0x0800);
            BinaryPrimitives.WriteUInt32LittleEndian(c[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(c[20..], size);
            BinaryPrimitives.WriteUInt32LittleEndian(c[24..], size);
            BinaryPrimitives.WriteUInt16LittleEndian(c[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(c[42..], offset);
            Write(c);
            Write(name);
        }
        var cdSize = _pos - cdStart;
        if (_entries.Count > ushort.MaxValue) throw new ScReproException("checkpoint has more than 65535 records (ZIP64 is not written)");
        if (_pos > uint.MaxValue) throw new ScReproException("checkpoint would pass the 4 GB zip limit (ZIP64 is not written)");
        Span<byte> e = stackalloc byte[22];
        e.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(e, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(e[8..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(e[10..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(e[12..], (uint)cdSize);
        BinaryPrimitives.WriteUInt32LittleEndian(e[16..], (uint)cdStart);
        Write(e);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _out.Write(bytes);
        _pos += bytes.Length;
    }
}
