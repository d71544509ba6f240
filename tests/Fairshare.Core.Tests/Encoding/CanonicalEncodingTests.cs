using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;
using FsCheck.Xunit;

namespace Fairshare.Core.Tests.Encoding;

public sealed class CanonicalEncodingTests
{
    [Property(MaxTest = 500)]
    public bool VarUInt_RoundTrips(ulong value)
    {
        var writer = new CanonicalWriter();
        writer.WriteVarUInt(value);
        var reader = new CanonicalReader(writer.WrittenSpan);
        var read = reader.ReadVarUInt();
        reader.ExpectEnd();
        return reader.Ok && read == value;
    }

    [Property(MaxTest = 300)]
    public bool Fields_RoundTrip(ulong a, uint b, ushort c, byte d, bool e, string? text, byte[] bytes)
    {
        text ??= string.Empty;
        if (System.Text.Encoding.UTF8.GetByteCount(text) > 1000 || text.Any(char.IsSurrogate)) return true;
        var writer = new CanonicalWriter(4);
        writer.WriteU64(a);
        writer.WriteU32(b);
        writer.WriteU16(c);
        writer.WriteU8(d);
        writer.WriteBool(e);
        writer.WriteString(text);
        writer.WriteBytes(bytes);
        writer.WriteAmount(new Amount(a, b, c, d));
        var reader = new CanonicalReader(writer.WrittenSpan);
        bool same = reader.ReadU64() == a && reader.ReadU32() == b && reader.ReadU16() == c && reader.ReadU8() == d
            && reader.ReadBool() == e && reader.ReadString(1000) == text && reader.ReadBytes(1 << 20).SequenceEqual(bytes)
            && reader.ReadAmount() == new Amount(a, b, c, d);
        reader.ExpectEnd();
        return same && reader.Ok;
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00 }, ResultCode.NonCanonicalVarInt)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02 }, ResultCode.VarIntOverflow)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x81, 0x00 }, ResultCode.VarIntOverflow)]
    [InlineData(new byte[] { 0x80 }, ResultCode.Truncated)]
    [InlineData(new byte[] { }, ResultCode.Truncated)]
    public void VarUInt_RejectsMalformed(byte[] input, ResultCode expected)
    {
        var reader = new CanonicalReader(input);
        reader.ReadVarUInt();
        Assert.Equal(expected, reader.Error);
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0x00, 0x05 }, ResultCode.NonCanonicalAmount)]
    [InlineData(new byte[] { 0x21 }, ResultCode.AmountTooLong)]
    [InlineData(new byte[] { 0x03, 0x01, 0x02 }, ResultCode.Truncated)]
    public void Amount_RejectsMalformed(byte[] input, ResultCode expected)
    {
        var reader = new CanonicalReader(input);
        reader.ReadAmount();
        Assert.Equal(expected, reader.Error);
    }

    [Fact]
    public void Reader_RejectsTrailingBytes_InvalidUtf8_LongLengths_AndBadBooleans()
    {
        var trailing = new CanonicalReader([1, 2]);
        trailing.ReadU8();
        trailing.ExpectEnd();
        Assert.Equal(ResultCode.TrailingBytes, trailing.Error);

        var utf8 = new CanonicalReader([2, 0xC3, 0x28]);
        utf8.ReadString(10);
        Assert.Equal(ResultCode.InvalidUtf8, utf8.Error);

        var length = new CanonicalReader([11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        length.ReadBytes(10);
        Assert.Equal(ResultCode.LengthTooLarge, length.Error);

        var boolean = new CanonicalReader([2]);
        boolean.ReadBool();
        Assert.Equal(ResultCode.InvalidValue, boolean.Error);
    }

    [Fact]
    public void Reader_KeepsTheFirstError()
    {
        var reader = new CanonicalReader([0x80, 0x00, 0xFF]);
        reader.ReadVarUInt();
        reader.ReadU64();
        Assert.Equal(ResultCode.NonCanonicalVarInt, reader.Error);
        Assert.Equal(0UL, reader.ReadU64());
    }
}
