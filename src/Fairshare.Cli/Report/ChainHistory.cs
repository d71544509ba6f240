using System.Globalization;
using Fairshare.Analytics.Attribution;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Commands;
using Fairshare.Cli.Output;
using Fairshare.Client;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Report;

/// <summary>
/// What a report reads from a chain: the committed state and every flow-tagged event up to its height. Locally from the
/// data directory's store (every block's receipts); remotely from the node's verified state and its flow index
/// (<c>/v1/flows</c>, paged by height).
/// </summary>
public sealed record ChainHistory(LedgerState State, IReadOnlyList<FlowRecord> Flows)
{
    private const int PageSize = 10_000;

    /// <summary>Loads the history the command should use (see <see cref="ChainAccess.RemoteUrl"/>); <paramref name="progress"/> hears (height, latest).</summary>
    public static ChainHistory Load(CliContext context, Action<ulong, ulong>? progress)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ChainAccess.RemoteUrl(context) is { } url)
        {
            using var client = new FairshareClient(url);
            return Remote(client, progress);
        }

        using var node = LedgerNode.Open(context.Data, passphrase: Passphrases.ForNodeKey);
        var flows = new List<FlowRecord>();
        ulong latest = node.State.Head.Height;
        for (ulong h = 1; h <= latest; h++)
        {
            var block = node.ReadBlock(h) ?? throw new UserFacingException("missing_block", $"the store has no block {h} below its head {latest}; run 'fairshare verify-chain'");
            foreach (var receipt in node.ReadReceipts(h))
            {
                foreach (var e in receipt.Events) flows.Add(new FlowRecord(h, block.Header.TimestampMs, receipt.TxId, e));
            }

            if (h % 256 == 0 || h == latest) progress?.Invoke(h, latest);
        }

        return new ChainHistory(node.State, flows);
    }

    private static ChainHistory Remote(FairshareClient client, Action<ulong, ulong>? progress)
    {
        var state = RemoteChain.Wait(client.GetStateAsync()).State;
        ulong latest = state.Head.Height;
        var flows = new List<FlowRecord>();
        ulong from = 1;
        while (from <= latest)
        {
            var page = RemoteChain.Wait(client.GetFlowsAsync(fromHeight: from, toHeight: latest, limit: PageSize));
            var records = page.Select(ToRecord).ToList();
            if (records.Count < PageSize)
            {
                flows.AddRange(records);
                break;
            }

            // The page may end inside a block: keep the blocks it holds whole and ask again from the last one.
            ulong last = records[^1].Height;
            if (last == from)
                throw new UserFacingException("too_many_flows", $"block {from} has more than {PageSize} flows, more than one page of /v1/flows; run the report on the node's data directory");
            flows.AddRange(records.Where(r => r.Height < last));
            from = last;
            progress?.Invoke(from, latest);
        }

        progress?.Invoke(latest, latest);
        return new ChainHistory(state, flows);
    }

    private static FlowRecord ToRecord(Fairshare.Client.Dto.FlowDto f)
    {
        if (!Enum.TryParse<FlowTag>(f.Tag, out var tag) || Address.TryParse(f.From, out var from) != AddressParseError.None
            || Address.TryParse(f.To, out var to) != AddressParseError.None || !Amount.TryParse(f.Amount, out var amount) || !Hash32.TryParse(f.TxId, out var tx))
        {
            throw new FairshareApiException(Fairshare.Client.Dto.ApiError.Of("malformed_response", $"a flow at height {f.Height.ToString(CultureInfo.InvariantCulture)} does not parse", 0));
        }

        return new FlowRecord(f.Height, f.TimestampMs, tx, new LedgerEvent(tag, new AssetId(f.Asset), from, to, amount));
    }
}
