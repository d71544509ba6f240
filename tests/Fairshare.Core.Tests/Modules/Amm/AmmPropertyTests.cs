using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using FsCheck.Xunit;
using static Fairshare.Testing.AmmFixture;

namespace Fairshare.Core.Tests.Modules.Amm;

/// <summary>Invariants of the AMM over random sequences of user transactions, valid and invalid.</summary>
public sealed class AmmPropertyTests
{
    private static readonly string[] Traders = ["alice", "bob", "carol", "dave"];

    private static BigInteger B(Amount amount) => amount.ToBigInteger();

    /// <summary>Turns script bytes into one AMM transaction, sized from dust to more than anyone holds.</summary>
    private static (TxPayload Payload, bool IsSwap) Step(TestChain chain, byte op, byte size, byte extra)
    {
        var amount = new Amount(1UL + size) * (extra % 3 == 0 ? Token : Token / new Amount(1000)) * (extra % 7 == 0 ? new Amount(1000) : Amount.One);
        var pool = Pool(chain);
        var account = AmmPools.Account(pool.Id);
        return (op % 7) switch
        {
            0 => (new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], amount, Amount.Zero, false), true),
            1 => (new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], amount, Amount.Zero, false), true),
            2 => (new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], amount, Amount.MaxValue, true), true),
            3 => (new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, amount, amount * new Amount(2), Amount.Zero, Amount.Zero), false),
            4 => (new AmmRemoveLiquidityPayload(AssetId.Fsh, AssetId.Usdf, amount, Amount.Zero, Amount.Zero), false),
            5 => (new BatchPayload([
                    new AmmFlashSwapPayload(AssetId.Fsh, AssetId.Usdf, amount, Amount.Zero),
                    // Sometimes enough with the fee, sometimes just short of it.
                    new TransferPayload(account, AssetId.Fsh, amount + amount * new Amount(extra % 2 == 0 ? 4UL : 2UL) / new Amount(1000))]), true),
            _ => (new BatchPayload([
                    new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], amount, Amount.Zero, false),
                    new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], amount, amount, false)]), true),
        };
    }

    [Property(MaxTest = 40)]
    public void KNeverFalls_ShareValueNeverFalls_NoTokensAreCreated_AndFailuresChangeNothing(byte[] script)
    {
        var chain = AmmFixture.Create();
        for (int i = 0; i + 3 < script.Length && i < 120; i += 4)
        {
            var before = Pool(chain);
            var supplyBefore = B(chain.State.FindAsset(before.LpAsset)!.Supply);
            var fingerprint = chain.Fingerprint();
            var (payload, isSwap) = Step(chain, script[i], script[i + 1], script[i + 2]);
            var produced = chain.Produce(chain.Sign(Traders[script[i + 3] % Traders.Length], payload));
            var after = Pool(chain);
            var supplyAfter = B(chain.State.FindAsset(after.LpAsset)!.Supply);
            var kBefore = B(before.Reserve0) * B(before.Reserve1);
            var kAfter = B(after.Reserve0) * B(after.Reserve1);

            if (!produced.Rejected.IsEmpty)
            {
                // A rejected transaction left every account and pool as it was.
                Assert.Equal(before, after);
                Assert.Equal(fingerprint, chain.Fingerprint());
            }

            if (isSwap) Assert.True(kAfter >= kBefore, $"k fell: {kBefore} -> {kAfter}");
            // The value of one LP share in √k never falls: k/supply² is non-decreasing.
            Assert.True(kAfter * supplyBefore * supplyBefore >= kBefore * supplyAfter * supplyAfter, "LP share value fell");
            // The pool's books match its account, and no asset's supply differs from its holders' sum.
            var account = AmmPools.Account(after.Id);
            Assert.Equal(after.Reserve0, chain.State.BalanceOf(account, after.Asset0));
            Assert.Equal(after.Reserve1, chain.State.BalanceOf(account, after.Asset1));
            foreach (var asset in chain.State.Assets) Assert.Equal(asset.Supply, chain.SumOfBalances(asset.Id));
        }
    }
}
