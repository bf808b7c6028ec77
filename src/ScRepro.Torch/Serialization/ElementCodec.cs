using System.Buffers.Binary;

namespace ScRepro.Torch.Serialization;

/// <summary>Reads and writes single little-endian elements of every <see cref="TorchDType"/>.</summary>
internal static class ElementCodec
{
    /// <summary>
    /// Converts <paramref name="dst"/>.Length elements starting at element <paramref name="start"/> and stepping by
    /// <paramref name="stride"/> elements; the dtype switch sits outside the loop because checkpoints hold ~10⁸ elements.
    /// </summary>
    public static void ReadDoubles(TorchDType dtype, ReadOnlySpan<byte> storage, long start, long stride, Span<double> dst)
    {
        switch (dtype)
        {
            case TorchDType.Float32:
                for (var i = 0; i < dst.Length; i++) dst[i] = BinaryPrimitives.ReadSingleLittleEndian(storage[(int)((start + i * stride) * 4)..]);
                break;
            case TorchDType.Float64:
                for (var i = 0; i < dst.Length; i++) dst[i] = BinaryPrimitives.ReadDoubleLittleEndian(storage[(int)((start + i * stride) * 8)..]);
                break;
            case TorchDType.Float16:
                for (var i = 0; i < dst.Length; i++) dst[i] = (double)BinaryPrimitives.ReadHalfLittleEndian(storage[(int)((start + i * stride) * 2)..]);
                break;
            case TorchDType.BFloat16:
                for (var i = 0; i < dst.Length; i++) dst[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(storage[(int)((start + i * stride) * 2)..]) << 16);
                break;
            case TorchDType.Int64:
                for (var i = 0; i < dst.Length; i++) dst[i] = BinaryPrimitives.ReadInt64LittleEndian(storage[(int)((start + i * stride) * 8)..]);
                break;
            case TorchDType.Int32:
                for (var i = 0; i < dst.Length; i++) dst[i] = BinaryPrimitives.ReadInt32LittleEndian(storage[(int)((start + i * stride) * 4)..]);
                break;
            default:
                var size = dtype.ItemSize();
                for (var i = 0; i < dst.Length; i++) dst[i] = ReadLong(dtype, storage.Slice((int)((start + i * stride) * size), size));
                break;
        }
    }

    public static long ReadLong(TorchDType dtype, ReadOnlySpan<byte> b) => dtype switch
    {
        TorchDType.Int64 => BinaryPrimitives.ReadInt64LittleEndian(b),
        TorchDType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(b),
        TorchDType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(b),
        TorchDType.Int8 => (sbyte)b[0],
        TorchDType.UInt8 => b[0],
        // torch treats any non-zero byte as true.
        TorchDType.Bool => b[0] != 0 ? 1 : 0,
        _ => throw new InvalidOperationException($"{dtype.Name()} is not an integer dtype"),
    };

    public static void Write(TorchDType dtype, Span<byte> b, double value)
    {
        switch (dtype)
        {
            case TorchDType.Float32: BinaryPrimitives.WriteSingleLittleEndian(b, (float)value); break;
            case TorchDType.Float16: BinaryPrimitives.WriteHalfLittleEndian(b, (Half)value); break;
            case TorchDType.BFloat16: BinaryPrimitives.WriteUInt16LittleEndian(b, ToBFloat16((float)value)); break;
            case TorchDType.Float64: BinaryPrimitives.WriteDoubleLittleEndian(b, value); break;
            case TorchDType.Int64: BinaryPrimitives.WriteInt64LittleEndian(b, (long)value); break;
            case TorchDType.Int32: BinaryPrimitives.WriteInt32LittleEndian(b, (int)value); break;
            case TorchDType.Int16: BinaryPrimitives.WriteInt16LittleEndian(b, (short)value); break;
            case TorchDType.Int8: b[0] = (byte)(sbyte)value; break;
            case TorchDType.UInt8: b[0] = (byte)value; break;
            case TorchDType.Bool: b[0] = value != 0 ? (byte)1 : (byte)0; break;
            default: throw new ArgumentOutOfRangeException(nameof(dtype));
        }
    }

    /// <summary>Round-to-nearest-even float32 → bfloat16, as torch's c10::BFloat16 constructor does; NaN stays NaN.</summary>
    public static ushort ToBFloat16(float value)
    {
        if (float.IsNaN(value)) return 0x7FC0;
        var bits = (uint)BitConverter.SingleToInt32Bits(value);
        var rounding = 0x7FFFu + ((bits >> 16) & 1);
        return (ushort)((bits + rounding) >> 16);
    }
}
