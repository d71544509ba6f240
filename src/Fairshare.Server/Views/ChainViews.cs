using System.Collections.Immutable;
using Fairshare.Client.Dto;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;
using Fairshare.Node.Indexing;

namespace Fairshare.Server.Views;

/// <summary>Ledger values as the API's DTOs: hashes and keys in lower-case hex, addresses fs1…, amounts as decimal strings.</summary>
internal static class ChainViews
{
    public static AccountDto Account(LedgerState state, Address address)
    {
        var account = state.Find(address);
        var balances = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var asset in state.Assets) balances[asset.Symbol] = (account?.BalanceOf(asset.Id) ?? Amount.Zero).ToString();
        return new AccountDto(address.ToString(), state.Head.Height, account?.Nonce ?? 0, (account?.Cohort ?? Cohort.None).ToString(), balances);
    }

    public static BlockDto Block(Block block, ImmutableArray<BlockSignature> known)
    {
        var header = block.Header;
        var signatures = known.IsDefaultOrEmpty ? block.Signatures : known;
        return new BlockDto(
            header.Height,
            header.Hash().ToString(),
            header.PreviousHash.ToString(),
            header.TimestampMs,
            header.TransactionRoot.ToString(),
            header.StateRoot.ToString(),
            header.ReceiptsRoot.ToString(),
            header.Proposer.ToString(),
            [.. block.Transactions.Select(t => t.Id.ToString())],
            [.. signatures.Select(Signature)]);
    }

    public static SignatureDto Signature(BlockSignature signature) =>
        new(signature.Validator.ToString(), Convert.ToHexStringLower(signature.Signature));

    public static TxOutcome Outcome(SubmittedTransaction outcome) => outcome.IsPending
        ? new TxOutcome(outcome.TxId.ToString(), TxOutcome.Pending, null, null)
        : new TxOutcome(outcome.TxId.ToString(), outcome.Code.ToString(), outcome.Height, [.. outcome.Events.Select(EventDto.Of)]);

    public static TxOutcome Outcome(IndexedTransaction indexed) =>
        new(indexed.Receipt.TxId.ToString(), indexed.Receipt.Code.ToString(), indexed.Height, [.. indexed.Receipt.Events.Select(EventDto.Of)]);

    public static FlowDto Flow(IndexedFlow flow) =>
        new(flow.Height, flow.TimestampMs, flow.TxId.ToString(), flow.Event.Tag.ToString(), flow.Event.Asset.Value,
            flow.Event.From.ToString(), flow.Event.To.ToString(), flow.Event.Amount.ToString());
}
