using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>The whole state as canonical bytes: head, assets, parameters, validators, accounts in address order, then
/// module records in key order.</summary>
public static class StateSnapshot
{
    private const byte Version = 2;

    /// <summary>The largest module record accepted.</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>Encodes the committed state (the journal must be empty).</summary>
    public static byte[] Encode(LedgerState state)
    {
        var writer = new CanonicalWriter(1024 + state.AccountCount * 96);
        writer.WriteU8(Version);
        writer.WriteString(state.ChainId);
        var head = state.Head;
        writer.WriteU64(head.Height);
        writer.WriteHash(head.BlockHash);
        writer.WriteU64(head.TimestampMs);
        writer.WriteHash(head.StateRoot);
        state.EncodeGlobals(writer);
        writer.WriteVarUInt((ulong)state.AccountCount);
        foreach (var account in state.AccountsInOrder()) account.Encode(writer);
        writer.WriteVarUInt((ulong)state.AllRecords.Count);
        foreach (var (key, value) in state.AllRecords)
        {
            writer.WriteBytes(key.Bytes);
            writer.WriteBytes(value);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a snapshot and checks that its state root matches the head it records.</summary>
    public static ResultCode TryDecode(ReadOnlySpan<byte> bytes, out LedgerState? state)
    {
        state = null;
        var reader = new CanonicalReader(bytes);
        if (reader.ReadU8() != Version && reader.Ok) reader.Fail(ResultCode.UnknownTag);
        var chainId = reader.ReadString(Transactions.TransactionCodec.MaxChainIdBytes);
        var head = new ChainHead(reader.ReadU64(), reader.ReadHash(), reader.ReadU64(), reader.ReadHash());
        int assetCount = reader.ReadLength(1 << 20, ResultCode.TooManyItems);
        var assets = new List<AssetInfo>(assetCount);
        for (int i = 0; i < assetCount && reader.Ok; i++)
        {
            var id = new AssetId(reader.ReadU32());
            var symbol = reader.ReadString(64);
            var decimals = reader.ReadU8();
            var supply = reader.ReadAmount();
            Address? issuer = reader.ReadBool() ? reader.ReadAddress() : null;
            assets.Add(new AssetInfo(id, symbol, decimals, supply, issuer));
        }

        var parameters = new ChainParams(reader.ReadAmount(), reader.ReadU16(), reader.ReadAddress());
        int validatorCount = reader.ReadLength(1024, ResultCode.TooManyItems);
        var validators = ImmutableArray.CreateBuilder<PublicKey>(validatorCount);
        for (int i = 0; i < validatorCount && reader.Ok; i++)
        {
            var key = reader.ReadRaw(PublicKey.Size);
            if (reader.Ok) validators.Add(new PublicKey(key));
        }

        if (!reader.Ok) return reader.Error;
        var result = new LedgerState(chainId, parameters, validators.MoveToImmutable(), head);
        foreach (var asset in assets) result.RegisterAsset(asset);
        ulong accountCount = reader.ReadVarUInt();
        for (ulong i = 0; i < accountCount && reader.Ok; i++) ReadAccount(ref reader, result);
        ulong recordCount = reader.ReadVarUInt();
        for (ulong i = 0; i < recordCount && reader.Ok; i++)
        {
            var key = StateKey.FromBytes(reader.ReadBytes(StateKey.MaxLength));
            var value = reader.ReadBytes(MaxRecordBytes).ToArray();
            if (reader.Ok && key is null) reader.Fail(ResultCode.InvalidValue);
            if (reader.Ok) result.WriteRecord(key!.Value, value);
        }

        reader.ExpectEnd();
        if (!reader.Ok) return reader.Error;
        result.Commit();
        if (result.ComputeRoot() != head.StateRoot) return ResultCode.BadStateRoot;
        state = result;
        return ResultCode.Ok;
    }

    private static void ReadAccount(ref CanonicalReader reader, LedgerState state)
    {
        var address = reader.ReadAddress();
        ulong nonce = reader.ReadU64();
        var cohort = (Cohort)reader.ReadU8();
        int balanceCount = reader.ReadLength(1 << 16, ResultCode.TooManyItems);
        if (!reader.Ok) return;
        var account = state.GetOrCreate(address);
        state.SetNonce(account, nonce);
        state.SetCohort(account, cohort);
        for (int i = 0; i < balanceCount && reader.Ok; i++)
        {
            var asset = new AssetId(reader.ReadU32());
            var amount = reader.ReadAmount();
            if (reader.Ok) state.SetBalance(account, asset, amount);
        }

        if (reader.ReadBool())
        {
            var vesting = new VestingSchedule(reader.ReadAmount(), reader.ReadAmount(), reader.ReadU64(), reader.ReadU64(), reader.ReadU64());
            if (reader.Ok) state.SetVesting(account, vesting);
        }
    }
}
