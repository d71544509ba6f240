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
        var globals = StateGlobals.Read(ref reader);
        if (!reader.Ok) return reader.Error;
        var result = new LedgerState(chainId, globals!.Params, globals.Validators, head);
        foreach (var asset in globals.Assets) result.RegisterAsset(asset);
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
        var decoded = Account.Read(ref reader);
        if (decoded is null) return;
        var account = state.GetOrCreate(decoded.Address);
        state.SetNonce(account, decoded.Nonce);
        state.SetCohort(account, decoded.Cohort);
        foreach (var balance in decoded.Balances) state.SetBalance(account, balance.Asset, balance.Amount);
        if (decoded.Vesting is { } vesting) state.SetVesting(account, vesting);
    }
}
