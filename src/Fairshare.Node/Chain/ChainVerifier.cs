using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Primitives;
using Fairshare.Node.Storage;

namespace Fairshare.Node.Chain;

/// <summary>
/// Replays a chain from genesis, checking every transaction signature, every validator signature,
/// every state root and receipts root, and that the source's receipts equal the re-executed ones.
/// </summary>
public static class ChainVerifier
{
    /// <summary>Replays the chain in the data directory; <paramref name="progress"/> gets (height, latest).</summary>
    public static ChainVerification Verify(DataDirectory directory, Action<ulong, ulong>? progress = null)
    {
        if (!File.Exists(directory.GenesisPath))
            throw new UserFacingException("not_initialized", $"no chain in {directory.Root}: run 'fairshare init' first (or pass --data DIR)");
        var genesis = LedgerNode.LoadGenesis(File.ReadAllText(directory.GenesisPath), directory.GenesisPath);
        using var store = new SqliteChainStore(directory.DatabasePath);
        return Verify(genesis, new StoreBlockSource(store), progress);
    }

    /// <summary>Replays blocks 1..<see cref="IBlockSource.LatestHeight"/> of <paramref name="source"/> on top of the genesis.</summary>
    public static ChainVerification Verify(GenesisConfig genesis, IBlockSource source, Action<ulong, ulong>? progress = null)
    {
        var state = GenesisBuilder.Build(genesis).State!;
        ulong latest = source.LatestHeight;
        long transactions = 0;
        for (ulong height = 1; height <= latest; height++)
        {
            var bytes = source.ReadBlock(height);
            if (bytes is null) return Fail(height, "the block is missing");
            var code = Block.TryDecode(bytes, out var block);
            if (code != ResultCode.Ok) return Fail(height, $"the block does not decode ({code})");
            var applied = BlockExecutor.Apply(state, block!, SignatureChecks.All);
            if (!applied.IsOk)
            {
                string where = applied.FailedTransactionIndex >= 0 ? $" at transaction {applied.FailedTransactionIndex}" : string.Empty;
                return Fail(height, $"{applied.Code}{where}");
            }

            if (source.CheckReceipts(height, applied.Receipts) is { } why) return Fail(height, why);

            transactions += block!.Transactions.Length;
            progress?.Invoke(height, latest);
        }

        return new ChainVerification(latest, transactions, state.Head.StateRoot, null, null);

        ChainVerification Fail(ulong height, string why) =>
            new(height - 1, transactions, state.Head.StateRoot, height, why);
    }
}
