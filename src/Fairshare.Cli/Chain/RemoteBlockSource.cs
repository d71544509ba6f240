using Fairshare.Client.Dto;
using System.Collections.Immutable;
using Fairshare.Client;
using Fairshare.Core.Ledger;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Chain;

/// <summary>A node's blocks 1..<paramref name="latest"/> over HTTP, for <see cref="ChainVerifier"/>.</summary>
public sealed class RemoteBlockSource(FairshareClient client, ulong latest) : IBlockSource
{
    /// <inheritdoc/>
    public ulong LatestHeight => latest;

    /// <inheritdoc/>
    public byte[]? ReadBlock(ulong height) => RemoteChain.Wait(client.GetRawBlockAsync(height))?.Encode();

    /// <inheritdoc/>
    public string? CheckReceipts(ulong height, ImmutableArray<Receipt> replayed)
    {
        var served = RemoteChain.Wait(client.GetReceiptsAsync(height));
        if (served.Count != replayed.Length) return $"the node serves {served.Count} receipts, re-execution gives {replayed.Length}";
        for (int i = 0; i < served.Count; i++)
        {
            var expected = ReceiptDto.Of(replayed[i]);
            var got = served[i];
            if (got.TxId != expected.TxId || got.Code != expected.Code || !got.Events.SequenceEqual(expected.Events))
                return $"the node's receipt {i} differs from re-execution";
        }

        return null;
    }
}
