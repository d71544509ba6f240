using System.Buffers.Binary;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Encoding;

/// <summary>
/// Reads the canonical encoding with a sticky error: the first problem is kept in <see cref="Error"/>,
/// and every later read returns a default value. Callers check <see cref="Error"/> once, after
/// <see cref="ExpectEnd"/>, and bound every loop by a limit so garbage cannot make them spin.
/// </summary>
public ref struct CanonicalReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    /// <summary>Reads from the given bytes.</summary>
    public CanonicalReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        Error = ResultCode.Ok;
    }

    /// <summary>The first error met, or <see cref="ResultCode.Ok"/>.</summary>
    public ResultCode Error { get; private set; }

    /// <summary>True while no error has been met.</summary>
    public readonly bool Ok => Error == ResultCode.Ok;

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>Bytes not yet read.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>Records an error unless one is already recorded.</summary>
    public void Fail(ResultCode code)
    {
        if (Error == ResultCode.Ok) Error = code;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (!Ok) return default;
        if (count > Remaining)
        {
            Fail(ResultCode.Truncated);
            return default;
        }

        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    /// <summary>
    /// Decodes exactly one value: <paramref name="read"/> must consume every byte (else <see cref="ResultCode.TrailingBytes"/>).
    /// On any error the value is null and the first error is returned.
    /// </summary>
    public static ResultCode DecodeExactlyOne<T>(ReadOnlySpan<byte> bytes, CanonicalRead<T> read, out T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        var reader = new CanonicalReader(bytes);
        var decoded = read(ref reader);
        reader.ExpectEnd();
        value = reader.Ok ? decoded : null;
        return reader.Error;
    }

    /// <summary>Fails with <see cref="ResultCode.TrailingBytes"/> if input is left.</summary>
    public void ExpectEnd()
    {
        if (Ok && Remaining != 0) Fail(ResultCode.TrailingBytes);
    }

    /// <summary>One byte.</summary>
    public byte ReadU8()
    {
        var span = Take(1);
        return Ok ? span[0] : (byte)0;
    }

    /// <summary>A boolean; only 0 and 1 are allowed.</summary>
    public bool ReadBool()
    {
        byte value = ReadU8();
        if (value > 1) Fail(ResultCode.InvalidValue);
        return value == 1;
    }

    /// <summary>Two bytes, little-endian.</summary>
    public ushort ReadU16()
    {
        var span = Take(2);
        return Ok ? BinaryPrimitives.ReadUInt16LittleEndian(span) : (ushort)0;
    }

    /// <summary>Four bytes, little-endian.</summary>
    public uint ReadU32()
    {
        var span = Take(4);
        return Ok ? BinaryPrimitives.ReadUInt32LittleEndian(span) : 0;
    }

    /// <summary>Eight bytes, little-endian.</summary>
    public ulong ReadU64()
    {
        var span = Take(8);
        return Ok ? BinaryPrimitives.ReadUInt64LittleEndian(span) : 0;
    }

    /// <summary>Unsigned LEB128; rejects non-shortest forms and values over 64 bits.</summary>
    public ulong ReadVarUInt()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadU8();
            if (!Ok) return 0;
            ulong part = (ulong)(b & 0x7F);
            if (shift == 63 && part > 1)
            {
                Fail(ResultCode.VarIntOverflow);
                return 0;
            }

            result |= part << shift;
            if ((b & 0x80) == 0)
            {
                if (b == 0 && shift > 0) Fail(ResultCode.NonCanonicalVarInt);
                return Ok ? result : 0;
            }
        }

        Fail(ResultCode.VarIntOverflow);
        return 0;
    }

    /// <summary>A length prefix no greater than <paramref name="max"/>.</summary>
    public int ReadLength(int max, ResultCode whenTooLarge = ResultCode.LengthTooLarge)
    {
        ulong length = ReadVarUInt();
        if (!Ok) return 0;
        if (length > (ulong)max)
        {
            Fail(whenTooLarge);
            return 0;
        }

        return (int)length;
    }

    /// <summary>Fixed-size raw bytes.</summary>
    public ReadOnlySpan<byte> ReadRaw(int count) => Take(count);

    /// <summary>A length-prefixed byte string of at most <paramref name="max"/> bytes.</summary>
    public ReadOnlySpan<byte> ReadBytes(int max) => Take(ReadLength(max));

    /// <summary>A length-prefixed UTF-8 string of at most <paramref name="maxBytes"/> bytes.</summary>
    public string ReadString(int maxBytes)
    {
        var bytes = ReadBytes(maxBytes);
        if (!Ok) return string.Empty;
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return System.Text.Encoding.UTF8.GetString(bytes);
        Fail(ResultCode.InvalidUtf8);
        return string.Empty;
    }

    /// <summary>An amount: a length byte (0–32) and minimal big-endian bytes.</summary>
    public Amount ReadAmount()
    {
        byte length = ReadU8();
        if (!Ok) return Amount.Zero;
        if (length > 32)
        {
            Fail(ResultCode.AmountTooLong);
            return Amount.Zero;
        }

        var bytes = Take(length);
        if (!Ok) return Amount.Zero;
        if (!Amount.TryReadMinimalBigEndian(bytes, out var value))
        {
            Fail(ResultCode.NonCanonicalAmount);
            return Amount.Zero;
        }

        return value;
    }

    /// <summary>20 address bytes.</summary>
    public Address ReadAddress()
    {
        var span = Take(Address.Size);
        return Ok ? Address.Read(span) : default;
    }

    /// <summary>32 hash bytes.</summary>
    public Hash32 ReadHash()
    {
        var span = Take(Hash32.Size);
        return Ok ? Hash32.Read(span) : default;
    }
}
