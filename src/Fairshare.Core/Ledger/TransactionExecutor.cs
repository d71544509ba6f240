using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger;

/// <summary>
/// Applies one signed transaction to the state. Signatures are checked by the caller (they are the costly part
/// and are checked once, where the transaction enters). A failing transaction changes nothing: no fee, no nonce.
/// </summary>
public static class TransactionExecutor
{
    /// <summary>
    /// Executes the transaction in a block proposed by <paramref name="proposer"/> at <paramref name="height"/> and
    /// <paramref name="timestampMs"/>. Deferred module checks (flash swaps and loans) run after the last step.
    /// </summary>
    public static ResultCode Execute(LedgerState state, SignedTransaction tx, ulong height, ulong timestampMs, Address proposer, List<LedgerEvent> events)
    {
        var body = tx.Body;
        if (!string.Equals(body.ChainId, state.ChainId, StringComparison.Ordinal)) return ResultCode.WrongChainId;
        var sender = state.Find(tx.Sender);
        ulong expectedNonce = sender?.Nonce ?? 0;
        if (body.Nonce < expectedNonce) return ResultCode.NonceReplayed;
        if (body.Nonce > expectedNonce) return ResultCode.NonceGap;
        if (body.Fee < state.Params.MinFee) return ResultCode.FeeTooLow;
        int checkpoint = state.Checkpoint();
        int eventMark = events.Count;
        sender ??= state.GetOrCreate(tx.Sender);
        // The payload runs before the fee is charged, so a vesting claim can pay its fee from what it releases;
        // either failing rolls both back.
        var context = new TxContext(state, sender, height, timestampMs, proposer, events);
        var code = ExecutePayload(context, body.Payload, nested: false);
        if (code == ResultCode.Ok) code = context.Settle();
        if (code == ResultCode.Ok) code = ChargeFee(state, sender, body.Fee, proposer, events);
        if (code != ResultCode.Ok)
        {
            state.Rollback(checkpoint);
            events.RemoveRange(eventMark, events.Count - eventMark);
            return code;
        }

        state.SetNonce(sender, body.Nonce + 1);
        return ResultCode.Ok;
    }

    private static ResultCode ChargeFee(LedgerState state, Account sender, in Amount fee, Address proposer, List<LedgerEvent> events)
    {
        if (fee.IsZero) return ResultCode.Ok;
        var code = Debit(state, sender, AssetId.Fsh, fee);
        if (code != ResultCode.Ok) return code;
        var validatorShare = fee * new Amount(state.Params.FeeValidatorBps) / new Amount(Units.BpsDenominator);
        var treasuryShare = fee - validatorShare;
        if (!validatorShare.IsZero)
        {
            code = Credit(state, state.GetOrCreate(proposer), AssetId.Fsh, validatorShare);
            if (code != ResultCode.Ok) return code;
            events.Add(new LedgerEvent(FlowTag.TxFee, AssetId.Fsh, sender.Address, proposer, validatorShare));
        }

        if (!treasuryShare.IsZero)
        {
            code = Credit(state, state.GetOrCreate(state.Params.Treasury), AssetId.Fsh, treasuryShare);
            if (code != ResultCode.Ok) return code;
            events.Add(new LedgerEvent(FlowTag.TxFee, AssetId.Fsh, sender.Address, state.Params.Treasury, treasuryShare));
        }

        return ResultCode.Ok;
    }

    private static ResultCode ExecutePayload(TxContext context, TxPayload payload, bool nested)
    {
        var (state, sender, height, events) = (context.State, context.Sender, context.Height, context.Events);
        switch (payload)
        {
            case TransferPayload transfer:
                return Transfer(state, sender, transfer, events);
            case BatchPayload batch:
                if (nested || batch.Steps.IsEmpty || batch.Steps.Length > BatchPayload.MaxSteps) return ResultCode.BadBatch;
                foreach (var step in batch.Steps)
                {
                    var code = ExecutePayload(context, step, nested: true);
                    if (code != ResultCode.Ok) return code;
                }

                return ResultCode.Ok;
            case MintStablePayload mint:
                return Mint(state, sender, mint, events);
            case BurnStablePayload burn:
                return Burn(state, sender, burn, events);
            case ClaimVestedPayload:
                return ClaimVested(state, sender, height, events);
            case ModulePayload module:
                return module.Run(context);
            default:
                return ResultCode.UnknownTag;
        }
    }

    private static ResultCode Transfer(LedgerState state, Account sender, TransferPayload transfer, List<LedgerEvent> events)
    {
        if (transfer.Amount.IsZero) return ResultCode.ZeroAmount;
        if (state.FindAsset(transfer.Asset) is null) return ResultCode.UnknownAsset;
        var code = Debit(state, sender, transfer.Asset, transfer.Amount);
        if (code != ResultCode.Ok) return code;
        code = Credit(state, state.GetOrCreate(transfer.To), transfer.Asset, transfer.Amount);
        if (code != ResultCode.Ok) return code;
        events.Add(new LedgerEvent(FlowTag.Transfer, transfer.Asset, sender.Address, transfer.To, transfer.Amount));
        return ResultCode.Ok;
    }

    private static ResultCode Mint(LedgerState state, Account sender, MintStablePayload mint, List<LedgerEvent> events)
    {
        if (mint.Amount.IsZero) return ResultCode.ZeroAmount;
        var asset = state.FindAsset(AssetId.Usdf);
        if (asset is null) return ResultCode.UnknownAsset;
        if (asset.Issuer != sender.Address) return ResultCode.NotIssuer;
        if (!Amount.TryAdd(asset.Supply, mint.Amount, out var supply)) return ResultCode.AmountOverflow;
        state.SetSupply(AssetId.Usdf, supply);
        var code = Credit(state, state.GetOrCreate(mint.To), AssetId.Usdf, mint.Amount);
        if (code != ResultCode.Ok) return code;
        events.Add(new LedgerEvent(FlowTag.Issuance, AssetId.Usdf, default, mint.To, mint.Amount));
        return ResultCode.Ok;
    }

    private static ResultCode Burn(LedgerState state, Account sender, BurnStablePayload burn, List<LedgerEvent> events)
    {
        if (burn.Amount.IsZero) return ResultCode.ZeroAmount;
        var asset = state.FindAsset(AssetId.Usdf);
        if (asset is null) return ResultCode.UnknownAsset;
        if (asset.Issuer != sender.Address) return ResultCode.NotIssuer;
        var code = Debit(state, sender, AssetId.Usdf, burn.Amount);
        if (code != ResultCode.Ok) return code;
        state.SetSupply(AssetId.Usdf, asset.Supply - burn.Amount);
        events.Add(new LedgerEvent(FlowTag.Issuance, AssetId.Usdf, sender.Address, default, burn.Amount));
        return ResultCode.Ok;
    }

    private static ResultCode ClaimVested(LedgerState state, Account sender, ulong height, List<LedgerEvent> events)
    {
        var vesting = sender.Vesting;
        if (vesting is null) return ResultCode.NothingToClaim;
        var claimable = vesting.ClaimableAt(height);
        if (claimable.IsZero) return ResultCode.NothingToClaim;
        var escrow = state.GetOrCreate(LedgerState.VestingEscrow);
        var code = Debit(state, escrow, AssetId.Fsh, claimable);
        if (code != ResultCode.Ok) return code;
        code = Credit(state, sender, AssetId.Fsh, claimable);
        if (code != ResultCode.Ok) return code;
        state.SetVesting(sender, vesting with { Claimed = vesting.Claimed + claimable });
        events.Add(new LedgerEvent(FlowTag.Vesting, AssetId.Fsh, LedgerState.VestingEscrow, sender.Address, claimable));
        return ResultCode.Ok;
    }

    /// <summary>Takes an amount from an account, or reports <see cref="ResultCode.InsufficientBalance"/>.</summary>
    public static ResultCode Debit(LedgerState state, Account account, AssetId asset, in Amount amount)
    {
        if (!Amount.TrySub(account.BalanceOf(asset), amount, out var left)) return ResultCode.InsufficientBalance;
        state.SetBalance(account, asset, left);
        return ResultCode.Ok;
    }

    /// <summary>Adds an amount to an account, or reports <see cref="ResultCode.AmountOverflow"/>.</summary>
    public static ResultCode Credit(LedgerState state, Account account, AssetId asset, in Amount amount)
    {
        if (!Amount.TryAdd(account.BalanceOf(asset), amount, out var sum)) return ResultCode.AmountOverflow;
        state.SetBalance(account, asset, sum);
        return ResultCode.Ok;
    }
}
