using System.Buffers.Binary;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Encoding;

/// <summary>
/// Writes the canonical binary encoding of <c>docs/protocol/encoding.md</c>: fixed-width integers little-endian,
/// LEB128 lengths in shortest form, amounts as a length byte plus minimal big-endian bytes.
/// </summary>
public sealed class CanonicalWriter
{
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer with the given starting capacity.</summary>
    public CanonicalWriter(int capacity = 256) => _buffer = new byte[capacity < 16 ? 16 : capacity];

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>The bytes written so far (valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Reset() => _length = 0;

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray() => WrittenSpan.ToArray();

    private Span<byte> Grab(int count)
    {
        if (_length + count > _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2 > _length + count ? _buffer.Length * 2 : _length + count);
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    /// <summary>One byte.</summary>
    public void WriteU8(byte value) => Grab(1)[0] = value;

    /// <summary>A boolean as 0 or 1.</summary>
    public void WriteBool(bool value) => WriteU8(value ? (byte)1 : (byte)0);

    /// <summary>Two bytes, little-endian.</summary>
    public void WriteU16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Grab(2), value);

    /// <summary>Four bytes, little-endian.</summary>
    public void WriteU32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Grab(4), value);

    /// <summary>Eight bytes, little-endian.</summary>
    public void WriteU64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Grab(8), value);

    /// <summary>Unsigned LEB128, shortest form.</summary>
    public void WriteVarUInt(ulong value)
    {
        while (value >= 0x80)
        {
            WriteU8((byte)(value | 0x80));
            value >>= 7;
        }

        WriteU8((byte)value);
    }

    /// <summary>Raw bytes with no length prefix (fixed-size fields).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Grab(bytes.Length));

    /// <summary>A length-prefixed byte string.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        WriteVarUInt((ulong)bytes.Length);
        WriteRaw(bytes);
    }

    /// <summary>A length-prefixed UTF-8 string.</summary>
    public void WriteString(string value)
    {
        int count = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteVarUInt((ulong)count);
        System.Text.Encoding.UTF8.GetBytes(value, Grab(count));
    }

    /// <summary>An amount: one length byte (0–32) and that many big-endian bytes, no leading zero.</summary>
    public void WriteAmount(in Amount value)
    {
        int length = value.MinimalByteLength;
        WriteU8((byte)length);
        value.WriteMinimalBigEndian(Grab(length));
    }

    /// <summary>20 address bytes.</summary>
    public void WriteAddress(in Address value) => value.CopyTo(Grab(Address.Size));

    /// <summary>32 hash bytes.</summary>
    public void WriteHash(in Hash32 value) => value.CopyTo(Grab(Hash32.Size));
}
