using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Transactions;

/// <summary>Decodes signed transactions, rejecting every malformed input with a stable code.</summary>
public static class TransactionCodec
{
    /// <summary>The largest encoded transaction accepted.</summary>
    public const int MaxSize = 16 * 1024;

    /// <summary>The longest chain id, in UTF-8 bytes.</summary>
    public const int MaxChainIdBytes = 64;

    /// <summary>Decodes a whole signed transaction; the input must hold nothing else.</summary>
    public static ResultCode TryDecode(ReadOnlySpan<byte> bytes, out SignedTransaction? transaction)
    {
        transaction = null;
        if (bytes.Length > MaxSize) return ResultCode.Oversized;
        var reader = new CanonicalReader(bytes);
        var body = ReadBody(ref reader);
        var signer = reader.ReadRaw(PublicKey.Size);
        var signature = reader.ReadRaw(Ed25519.SignatureSize);
        reader.ExpectEnd();
        if (!reader.Ok || body is null) return reader.Ok ? ResultCode.InvalidValue : reader.Error;
        transaction = new SignedTransaction(body, new PublicKey(signer), signature, bytes.ToArray());
        return ResultCode.Ok;
    }

    /// <summary>Reads a transaction body; null when the reader failed.</summary>
    public static Transaction? ReadBody(ref CanonicalReader reader)
    {
        byte version = reader.ReadU8();
        if (reader.Ok && version != Transaction.Version) reader.Fail(ResultCode.UnknownTag);
        string chainId = reader.ReadString(MaxChainIdBytes);
        ulong nonce = reader.ReadU64();
        var fee = reader.ReadAmount();
        var payload = ReadPayload(ref reader, allowBatch: true);
        return reader.Ok && payload is not null ? new Transaction(chainId, nonce, fee, payload) : null;
    }

    private static TxPayload? ReadPayload(ref CanonicalReader reader, bool allowBatch)
    {
        byte tag = reader.ReadU8();
        if (!reader.Ok) return null;
        switch ((TxKind)tag)
        {
            case TxKind.Transfer:
                {
                    var to = reader.ReadAddress();
                    var asset = new AssetId(reader.ReadU32());
                    var amount = reader.ReadAmount();
                    return reader.Ok ? new TransferPayload(to, asset, amount) : null;
                }

            case TxKind.Batch when allowBatch:
                {
                    int count = reader.ReadLength(BatchPayload.MaxSteps, ResultCode.TooManyItems);
                    var steps = ImmutableArray.CreateBuilder<TxPayload>(count);
                    for (int i = 0; i < count && reader.Ok; i++)
                    {
                        var step = ReadPayload(ref reader, allowBatch: false);
                        if (step is not null) steps.Add(step);
                    }

                    return reader.Ok ? new BatchPayload(steps.MoveToImmutable()) : null;
                }

            case TxKind.MintStable:
                {
                    var to = reader.ReadAddress();
                    var amount = reader.ReadAmount();
                    return reader.Ok ? new MintStablePayload(to, amount) : null;
                }

            case TxKind.BurnStable:
                {
                    var amount = reader.ReadAmount();
                    return reader.Ok ? new BurnStablePayload(amount) : null;
                }

            case TxKind.ClaimVested:
                return new ClaimVestedPayload();

            default:
                return Modules.ModulePayloads.Read((TxKind)tag, ref reader);
        }
    }
}
