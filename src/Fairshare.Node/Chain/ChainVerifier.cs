using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Primitives;
using Fairshare.Node.Storage;

namespace Fairshare.Node.Chain;

/// <summary>
/// Replays a stored chain from genesis, checking every transaction signature, every validator signature,
/// every state root and receipts root, and that the stored receipts equal the re-executed ones.
/// </summary>
public static class ChainVerifier
{
    /// <summary>Replays the chain in the data directory; <paramref name="progress"/> gets (height, latest).</summary>
    public static ChainVerification Verify(DataDirectory directory, Action<ulong, ulong>? progress = null)
    {
        if (!File.Exists(directory.GenesisPath))
            throw new UserFacingException("not_initialized", $"no chain in {directory.Root}: run 'fairshare init' first (or pass --data DIR)");
        var genesis = LedgerNode.LoadGenesis(File.ReadAllText(directory.GenesisPath), directory.GenesisPath);
        var state = GenesisBuilder.Build(genesis).State!;
        using var store = new SqliteChainStore(directory.DatabasePath);
        ulong latest = store.LatestHeight();
        long transactions = 0;
        for (ulong height = 1; height <= latest; height++)
        {
            var bytes = store.ReadBlock(height);
            if (bytes is null) return Fail(height, "the block is missing");
            var code = Block.TryDecode(bytes, out var block);
            if (code != ResultCode.Ok) return Fail(height, $"the block does not decode ({code})");
            var applied = BlockExecutor.Apply(state, block!, SignatureChecks.All);
            if (!applied.IsOk)
            {
                string where = applied.FailedTransactionIndex >= 0 ? $" at transaction {applied.FailedTransactionIndex}" : string.Empty;
                return Fail(height, $"{applied.Code}{where}");
            }

            var storedReceipts = store.ReadReceipts(height);
            if (storedReceipts is null || ReceiptCodec.TryDecode(storedReceipts, out var receipts) != ResultCode.Ok
                || !receipts.SequenceEqual(applied.Receipts))
                return Fail(height, "the stored receipts differ from re-execution");

            transactions += block!.Transactions.Length;
            progress?.Invoke(height, latest);
        }

        return new ChainVerification(latest, transactions, state.Head.StateRoot, null, null);

        ChainVerification Fail(ulong height, string why) =>
            new(height - 1, transactions, state.Head.StateRoot, height, why);
    }
}
