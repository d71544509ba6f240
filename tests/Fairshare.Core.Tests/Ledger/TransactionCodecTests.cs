using System.Collections.Immutable;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using FsCheck.Xunit;

namespace Fairshare.Core.Tests.Ledger;

public sealed class TransactionCodecTests
{
    private static readonly TestChain Chain = TestChain.Create();

    private static TxPayload PayloadFrom(byte kind, ulong amount, uint asset, string to) => (kind % 5) switch
    {
        0 => new TransferPayload(Chain.Key(to).Address, new AssetId(asset), new Amount(amount)),
        1 => new MintStablePayload(Chain.Key(to).Address, new Amount(amount, amount, 0, amount)),
        2 => new BurnStablePayload(new Amount(amount)),
        3 => new ClaimVestedPayload(),
        _ => new BatchPayload([new TransferPayload(Chain.Key(to).Address, AssetId.Fsh, new Amount(amount)), new BurnStablePayload(new Amount(amount))]),
    };

    [Property(MaxTest = 200)]
    public bool EncodeDecode_RoundTrips(byte kind, ulong nonce, ulong amount, uint asset, ulong fee)
    {
        var tx = Chain.Sign("alice", PayloadFrom(kind, amount, asset, "bob"), nonce, new Amount(fee));
        var code = TransactionCodec.TryDecode(tx.Encoded, out var decoded);
        return code == ResultCode.Ok && decoded!.Id == tx.Id && decoded.Body == tx.Body && decoded.VerifySignature()
            && decoded.Encoded.AsSpan().SequenceEqual(tx.Encoded);
    }

    [Fact]
    public void EveryTruncation_IsRejected()
    {
        var tx = Chain.Sign("alice", PayloadFrom(4, 5, 0, "bob"));
        for (int length = 0; length < tx.Encoded.Length; length++)
        {
            var code = TransactionCodec.TryDecode(tx.Encoded.AsSpan(0, length), out var decoded);
            Assert.NotEqual(ResultCode.Ok, code);
            Assert.Null(decoded);
        }
    }

    [Fact]
    public void TrailingOversizedAndUnknownInputs_AreRejectedWithTheirCodes()
    {
        var tx = Chain.Transfer("alice", "bob", 1);
        Assert.Equal(ResultCode.TrailingBytes, TransactionCodec.TryDecode([.. tx.Encoded, 0], out _));
        Assert.Equal(ResultCode.Oversized, TransactionCodec.TryDecode(new byte[TransactionCodec.MaxSize + 1], out _));
        var badVersion = tx.Encoded.ToArray();
        badVersion[0] = 9;
        Assert.Equal(ResultCode.UnknownTag, TransactionCodec.TryDecode(badVersion, out _));
    }

    [Fact]
    public void UnknownPayloadTag_AndNestedBatch_AreRejected()
    {
        var nested = new BatchPayload([new BatchPayload([new ClaimVestedPayload()])]);
        var tx = Chain.Sign("alice", nested);
        Assert.Equal(ResultCode.UnknownTag, TransactionCodec.TryDecode(tx.Encoded, out _));

        var writer = new Fairshare.Core.Encoding.CanonicalWriter();
        writer.WriteU8(Transaction.Version);
        writer.WriteString(TestChain.Id);
        writer.WriteU64(0);
        writer.WriteAmount(Amount.One);
        writer.WriteU8(200);
        writer.WriteRaw(new byte[96]);
        Assert.Equal(ResultCode.UnknownTag, TransactionCodec.TryDecode(writer.WrittenSpan, out _));
    }

    [Fact]
    public void BatchLongerThanTheLimit_IsRejected()
    {
        var steps = Enumerable.Repeat<TxPayload>(new ClaimVestedPayload(), BatchPayload.MaxSteps + 1).ToImmutableArray();
        var tx = Chain.Sign("alice", new BatchPayload(steps));
        Assert.Equal(ResultCode.TooManyItems, TransactionCodec.TryDecode(tx.Encoded, out _));
    }

    [Property(MaxTest = 500)]
    public bool Garbage_NeverDecodesToSomethingElse(byte[] garbage)
    {
        var code = TransactionCodec.TryDecode(garbage, out var decoded);
        return code == ResultCode.Ok ? decoded!.Encoded.AsSpan().SequenceEqual(garbage) : decoded is null;
    }

    [Property(MaxTest = 300)]
    public bool FlippedByte_IsRejectedOrFailsTheSignature(ushort position, byte mask)
    {
        var tx = Chain.Transfer("alice", "bob", 77);
        if (mask == 0) return true;
        var bytes = tx.Encoded.ToArray();
        bytes[position % bytes.Length] ^= mask;
        var code = TransactionCodec.TryDecode(bytes, out var decoded);
        return code != ResultCode.Ok || !decoded!.VerifySignature();
    }
}
