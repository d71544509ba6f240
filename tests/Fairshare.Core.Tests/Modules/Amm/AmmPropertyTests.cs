using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using FsCheck.Xunit;
using Xunit.Abstractions;
using static Fairshare.Testing.AmmFixture;

namespace Fairshare.Core.Tests.Modules.Amm;

/// <summary>Invariants of the AMM over random sequences of user transactions, valid and invalid.</summary>
public sealed class AmmPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Traders = ["alice", "bob", "carol", "dave"];

    /// <summary>Most script bytes read (four per step).</summary>
    private const int MaxScriptBytes = 240;

    // Totals over every case run so far (FsCheck calls the property many times), reported after each case.
    private static int _cases, _emptyCases, _steps, _accepted, _atKEquality, _justShortOfK;

    /// <summary>
    /// The step's kind: an ordinary transaction, or a flash swap built to land exactly on the K check's equality
    /// (borrow 997k FSH, repay 1000k: adj = 1000(r − 997k + 1000k) − 3·1000k = 1000r) or one base unit short of it.
    /// </summary>
    private enum Kind
    {
        Other,
        Swap,
        AtKEquality,
        JustShortOfK,
    }

    private static BigInteger B(Amount amount) => amount.ToBigInteger();

    /// <summary>a × b, or the largest amount when that overflows (the generator's amounts include the maximum).</summary>
    private static Amount Times(Amount a, ulong b) => Amount.TryMul(a, new Amount(b), out var r) ? r : Amount.MaxValue;

    /// <summary>a + b, or the largest amount when that overflows.</summary>
    private static Amount Plus(Amount a, Amount b) => Amount.TryAdd(a, b, out var r) ? r : Amount.MaxValue;

    /// <summary>Turns script bytes into one AMM transaction, sized from dust to more than anyone holds.</summary>
    private static (TxPayload Payload, Kind Kind, Amount Borrowed, Amount Repaid) Step(TestChain chain, byte op, byte size, byte extra)
    {
        // Dust to more than anyone holds, and now and then exactly zero or the largest amount there is.
        var amount = (extra % 17) switch
        {
            5 => Amount.Zero,
            11 => Amount.MaxValue,
            _ => new Amount(1UL + size) * (extra % 3 == 0 ? Token : Token / new Amount(1000)) * (extra % 7 == 0 ? new Amount(1000) : Amount.One),
        };
        var pool = Pool(chain);
        var account = AmmPools.Account(pool.Id);
        // k for the K-equality flash swaps: from a few base units to a quarter of a token.
        var k = new Amount(1UL + size) * ((extra % 3) switch { 0 => new Amount(1_000_000_000_000_000), 1 => new Amount(1_000_000_000), _ => Amount.One });
        var (borrow, repay) = (k * new Amount(997), k * new Amount(1000));
        return (op % 9) switch
        {
            0 => (new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], amount, Amount.Zero, false), Kind.Swap, default, default),
            1 => (new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], amount, Amount.Zero, false), Kind.Swap, default, default),
            2 => (new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], amount, Amount.MaxValue, true), Kind.Swap, default, default),
            3 => (new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, amount, Times(amount, 2), Amount.Zero, Amount.Zero), Kind.Other, default, default),
            4 => (new AmmRemoveLiquidityPayload(AssetId.Fsh, AssetId.Usdf, amount, Amount.Zero, Amount.Zero), Kind.Other, default, default),
            5 => (new BatchPayload([
                    new AmmFlashSwapPayload(AssetId.Fsh, AssetId.Usdf, amount, Amount.Zero),
                    // Sometimes enough with the fee, sometimes just short of it.
                    new TransferPayload(account, AssetId.Fsh, Plus(amount, Times(amount, extra % 2 == 0 ? 4UL : 2UL) / new Amount(1000)))]), Kind.Swap, default, default),
            6 => (new BatchPayload([
                    new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], amount, Amount.Zero, false),
                    new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], amount, amount, false)]), Kind.Swap, default, default),
            7 => (new BatchPayload([
                    new AmmFlashSwapPayload(AssetId.Fsh, AssetId.Usdf, borrow, Amount.Zero),
                    new TransferPayload(account, AssetId.Fsh, repay)]), Kind.AtKEquality, borrow, repay),
            _ => (new BatchPayload([
                    new AmmFlashSwapPayload(AssetId.Fsh, AssetId.Usdf, borrow, Amount.Zero),
                    new TransferPayload(account, AssetId.Fsh, repay - Amount.One)]), Kind.JustShortOfK, borrow, repay - Amount.One),
        };
    }

    [Property(MaxTest = 40, StartSize = 60, EndSize = 480)]
    public void KNeverFalls_ShareValueNeverFalls_NoTokensAreCreated_AndFailuresChangeNothing(byte[] script)
    {
        var chain = AmmFixture.Create();
        int steps = 0, accepted = 0, atEquality = 0, shortOfK = 0;
        for (int i = 0; i + 3 < script.Length && i < MaxScriptBytes; i += 4)
        {
            var before = Pool(chain);
            var supplyBefore = B(chain.State.FindAsset(before.LpAsset)!.Supply);
            var fingerprint = chain.Fingerprint();
            var (payload, kind, borrowed, repaid) = Step(chain, script[i], script[i + 1], script[i + 2]);
            var trader = Traders[script[i + 3] % Traders.Length];
            // Whether a flash swap's repayment is certainly affordable and its loan fits the pool, so only K decides it.
            bool affordable = borrowed < before.ReserveOf(AssetId.Fsh)
                && chain.State.BalanceOf(chain.Key(trader).Address, AssetId.Fsh) >= repaid + TestChain.MinFee;
            var produced = chain.Produce(chain.Sign(trader, payload));
            bool isSwap = kind != Kind.Other;
            steps++;
            if (produced.Rejected.IsEmpty) accepted++;
            if (kind == Kind.AtKEquality && affordable)
            {
                // Exactly on K equality: the check is ≥, so it passes.
                Assert.True(produced.Rejected.IsEmpty, $"a flash swap repaid exactly to K equality was refused: {(produced.Rejected.IsEmpty ? default : produced.Rejected[0].Code)}");
                atEquality++;
            }

            if (kind == Kind.JustShortOfK && affordable)
            {
                Assert.Equal(ResultCode.KInvariant, Assert.Single(produced.Rejected).Code);
                shortOfK++;
            }
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

        int cases = Interlocked.Increment(ref _cases);
        int empty = steps == 0 ? Interlocked.Increment(ref _emptyCases) : Volatile.Read(ref _emptyCases);
        int totalSteps = Interlocked.Add(ref _steps, steps);
        int totalAccepted = Interlocked.Add(ref _accepted, accepted);
        int totalEquality = Interlocked.Add(ref _atKEquality, atEquality);
        int totalShort = Interlocked.Add(ref _justShortOfK, shortOfK);
        output.WriteLine($"case {cases}: {script.Length} bytes, {steps} steps ({accepted} accepted, {atEquality} at K equality, {shortOfK} one unit short); "
            + $"so far {empty} empty of {cases} cases, {totalSteps} steps, {totalAccepted} accepted, {totalEquality} at K equality, {totalShort} one unit short");
    }
}
