using Fairshare.Core.Ledger.State;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Schedule;

/// <summary>Produces an empty block and checks that it changed nothing but the head.</summary>
internal static class EmptyBlockCheck
{
    /// <summary>
    /// One empty block on <paramref name="chain"/>: it must carry no receipt (so no end-of-block events) and leave every
    /// module record, account, asset and the state root as they were; only the head moves, by one.
    /// </summary>
    public static void ChangesNothingButTheHead(TestChain chain)
    {
        var state = chain.State;
        var head = state.Head;
        var root = state.ComputeRoot();
        var records = Records(state);
        var accounts = chain.Fingerprint();
        var assets = Assets(state);

        var produced = chain.Produce();

        Assert.NotNull(produced.Block);
        Assert.Empty(produced.Receipts);
        Assert.Equal(head.Height + 1, state.Head.Height);
        Assert.Equal(head.BlockHash, produced.Block.Header.PreviousHash);
        Assert.Equal(root, produced.Block.Header.StateRoot);
        Assert.Equal(root, state.ComputeRoot());
        Assert.Equal(records, Records(state));
        Assert.Equal(accounts, chain.Fingerprint());
        Assert.Equal(assets, Assets(state));
    }

    private static string Records(LedgerState state) =>
        string.Join('\n', state.AllRecords.Select(r => Convert.ToHexString(r.Key.Bytes) + "=" + Convert.ToHexString(r.Value)));

    private static string Assets(LedgerState state) => string.Join('\n', state.Assets.Select(a => a.ToString()));
}
