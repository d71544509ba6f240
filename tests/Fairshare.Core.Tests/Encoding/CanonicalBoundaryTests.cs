using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Tests.Encoding;

/// <summary>The canonical encoding at its edges (docs/protocol/encoding.md): LEB128 at 2^7 and 2^64 − 1, lengths at their limit, a small writer growing.</summary>
public sealed class CanonicalBoundaryTests
{
    private static byte[] VarUInt(ulong value)
    {
        var writer = new CanonicalWriter(1);
        writer.WriteVarUInt(value);
        return writer.ToArray();
    }

    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(0x7FUL, "7f")]
    [InlineData(0x80UL, "8001")]
    [InlineData(300UL, "ac02")]
    [InlineData(ulong.MaxValue, "ffffffffffffffffff01")]
    public void VarUInt_IsShortestLeb128_BothWays(ulong value, string hex)
    {
        Assert.Equal(hex, Convert.ToHexStringLower(VarUInt(value)));
        var reader = new CanonicalReader(Convert.FromHexString(hex));
        Assert.Equal(value, reader.ReadVarUInt());
        Assert.True(reader.Ok);
        Assert.Equal(0, reader.Remaining);
    }

    [Theory]
    [InlineData("ffffffffffffffffff02", ResultCode.VarIntOverflow)] // 2^64
    [InlineData("ffffffffffffffffffff01", ResultCode.VarIntOverflow)] // eleven bytes
    [InlineData("8000", ResultCode.NonCanonicalVarInt)]
    [InlineData("8100", ResultCode.NonCanonicalVarInt)] // 1 in two bytes: the value is dropped with the error
    [InlineData("80", ResultCode.Truncated)]
    public void VarUInt_RefusesOverflowNonShortestAndTruncated_ReadingZero(string hex, ResultCode code)
    {
        var reader = new CanonicalReader(Convert.FromHexString(hex));
        Assert.Equal(0UL, reader.ReadVarUInt());
        Assert.Equal(code, reader.Error);
    }

    [Fact]
    public void FixedIntegers_FromTooFewBytes_ReadZero_AndFail()
    {
        var u16 = new CanonicalReader([1]);
        Assert.Equal(0, u16.ReadU16());
        Assert.Equal(ResultCode.Truncated, u16.Error);
        var u32 = new CanonicalReader([1, 2, 3]);
        Assert.Equal(0U, u32.ReadU32());
        Assert.False(u32.Ok);
        var u64 = new CanonicalReader([1, 2, 3, 4, 5, 6, 7]);
        Assert.Equal(0UL, u64.ReadU64());
        Assert.False(u64.Ok);
    }

    [Fact]
    public void ALengthAtItsLimit_IsRead_AndOneMore_IsTooLarge()
    {
        var atLimit = new CanonicalReader([3, 7, 8, 9]);
        Assert.Equal([7, 8, 9], atLimit.ReadBytes(3).ToArray());
        Assert.True(atLimit.Ok);

        var over = new CanonicalReader([4, 7, 8, 9, 10]);
        Assert.Equal(0, over.ReadLength(3));
        Assert.Equal(ResultCode.LengthTooLarge, over.Error);
    }

    [Fact]
    public void AnAmountOfThirtyTwoBytes_IsRead_AndThirtyThree_IsTooLong()
    {
        var max = new CanonicalReader([32, .. Enumerable.Repeat((byte)0xFF, 32)]);
        Assert.Equal(Amount.MaxValue, max.ReadAmount());
        Assert.True(max.Ok);

        var over = new CanonicalReader([33, 1, .. new byte[32]]);
        Assert.Equal(Amount.Zero, over.ReadAmount());
        Assert.Equal(ResultCode.AmountTooLong, over.Error);
    }

    [Fact]
    public void ASmallWriter_GrowsToHoldAnything_InOrder()
    {
        var writer = new CanonicalWriter(1);
        var big = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        writer.WriteU8(0xAA);
        writer.WriteRaw(big);
        writer.WriteU32(0x01020304);
        writer.WriteRaw(big.AsSpan(0, 17));

        byte[] expected = [0xAA, .. big, 0x04, 0x03, 0x02, 0x01, .. big.AsSpan(0, 17)];
        Assert.Equal(expected, writer.ToArray());
        Assert.Equal(expected.Length, writer.Length);
    }
}
