using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Primitives;
using FsCheck.Xunit;
using Xunit.Abstractions;
using static Fairshare.Core.Tests.Modules.Lending.LendingChain;

namespace Fairshare.Core.Tests.Modules.Lending;

/// <summary>Invariants of the lending markets over random sequences of market actions, swaps that move the TWAP, and time.</summary>
public sealed class LendingPropertyTests(ITestOutputHelper output)
{
    // Totals over every case run so far (FsCheck calls the property many times), reported after each case.
    private static int _cases, _emptyCases, _steps, _accepted, _oneBlockTouches, _atLimit, _exactRepays;

    private static readonly string[] Actors = ["alice", "bob", "carol", "dave"];
    private static readonly AssetId[] Assets = [AssetId.Fsh, AssetId.Usdf];
    private const int MaxSteps = 100;

    /// <summary>Turns five script bytes into a transaction (valid or not), or into time passing when it returns null.</summary>
    private static TxPayload? Step(LendingChain l, byte op, byte who, byte what, ushort size)
    {
        var asset = Assets[what % 2];
        var other = Assets[(what / 2) % 2];
        var victim = l.Address(Actors[(what / 4) % Actors.Length]);
        // From hundredths to hundreds of tokens, so that some actions fit the balances and limits and some do not.
        // Now and then exactly zero, or the largest amount there is.
        var amount = (what % 16) switch
        {
            14 => Amount.Zero,
            15 => Amount.MaxValue,
            _ => new Amount((ulong)(size & 0x3FF)) * Units((size >> 14) switch { 0 => "0.01", 1 => "0.1", _ => "1" }),
        };
        var tokens = l.Balance(Actors[who % Actors.Length], l.Market(asset).CToken);
        return (op % 10) switch
        {
            0 => new LendSupplyPayload(asset, amount),
            // Equality points: borrow exactly the account's remaining liquidity in USDF, or repay exactly what it will owe.
            1 when what % 2 == 0 => new LendBorrowPayload(AssetId.Usdf, ToAmount(LimitOf(l, Actors[who % Actors.Length]))),
            1 => new LendRepayPayload(asset, l.Address(Actors[who % Actors.Length]), ToAmount(l.OwedNextBlock(Actors[who % Actors.Length], asset))),
            2 => size % 3 == 0 ? new LendRedeemPayload(asset, tokens * new Amount((ulong)(size % 100 + 1)) / new Amount(100), Amount.Zero) : new LendRedeemPayload(asset, Amount.Zero, amount),
            3 or 4 => new LendBorrowPayload(asset, amount),
            5 => new LendRepayPayload(asset, size % 4 == 0 ? victim : l.Address(Actors[who % Actors.Length]), size % 5 == 0 ? Amount.MaxValue : amount),
            6 when what % 8 < 4 => Liquidation(l, what % 2 == 0 ? "bob" : "carol", size),
            6 => new LendLiquidatePayload(victim, asset, amount, other),
            7 => new AmmSwapPayload([asset, Assets[1 - what % 2]], amount, Amount.Zero, false),
            8 => new BatchPayload([new LendFlashLoanPayload(asset, Amount.TryMul(amount, new Amount(10), out var loan) ? loan : Amount.MaxValue), new LendSupplyPayload(asset, amount)]),
            _ => null,
        };
    }

    /// <summary>A liquidation aimed at one of the leveraged borrowers set up by the property, within the close factor.</summary>
    private static LendLiquidatePayload Liquidation(LendingChain l, string borrower, ushort size)
    {
        var (borrowed, collateral) = borrower == "bob" ? (AssetId.Usdf, AssetId.Fsh) : (AssetId.Fsh, AssetId.Usdf);
        return new LendLiquidatePayload(l.Address(borrower), borrowed, new Amount((ulong)(size % 4000 + 1)) * Units("0.01"), collateral);
    }

    private static Amount ToAmount(BigInteger value) => Amount.TryFromBigInteger(value, out var amount) ? amount : Amount.MaxValue;

    /// <summary>The account's liquidity in USDF as the next block would see it (0 when it has none or no price).</summary>
    private static BigInteger LimitOf(LendingChain l, string actor) =>
        LendingModule.TryAccountLiquidity(l.Chain.State, l.Address(actor), l.NextSeconds, out var liquidity) == ResultCode.Ok ? liquidity.Liquidity : BigInteger.Zero;

    /// <summary>The market a supply, redeem, borrow or repay touches (and accrues first); null for any other payload.</summary>
    private static AssetId? Touched(TxPayload payload) => payload switch
    {
        LendSupplyPayload p => p.Asset,
        LendRedeemPayload p => p.Asset,
        LendBorrowPayload p => p.Asset,
        LendRepayPayload p => p.Asset,
        _ => null,
    };

    [Property(MaxTest = 40, StartSize = 150, EndSize = 600)]
    public void NoSequenceOfActions_MakesAMarketInsolvent(byte[] script)
    {
        int steps = 0, accepted = 0, oneBlockTouches = 0, atLimit = 0, exactRepays = 0;
        var peakBorrows = new Dictionary<AssetId, BigInteger>();
        var l = Create();
        // Borrowers near their limits in both directions, so price moves make liquidations possible.
        l.Ok("bob", new LendSupplyPayload(AssetId.Fsh, Units("100")));
        l.Ok("bob", new LendBorrowPayload(AssetId.Usdf, Units("95")));
        l.Ok("carol", new LendSupplyPayload(AssetId.Usdf, Units("400")));
        l.Ok("carol", new LendBorrowPayload(AssetId.Fsh, Units("95")));
        for (int i = 0; i + 4 < script.Length && i < 5 * MaxSteps; i += 5)
        {
            string actor = Actors[script[i + 1] % Actors.Length];
            var payload = Step(l, script[i], script[i + 1], script[i + 2], (ushort)(script[i + 3] << 8 | script[i + 4]));
            steps++;
            if (payload is null)
            {
                // Often no time at all between two touches (the next block), sometimes up to 70 blocks.
                l.Blocks(script[i + 4] % 3 == 0 ? 0 : 1 + script[i + 4] % 70);
            }
            else
            {
                var root = l.Chain.State.ComputeRoot();
                var touched = Touched(payload);
                var lastAccrual = touched is { } t ? l.Market(t).AccrualBlockNumber : 0;
                // Borrowing exactly the liquidity left by an account with no debt (accrual can only raise it) must pass.
                bool exactLimit = payload is LendBorrowPayload { Amount: var limit } && script[i] % 10 == 1 && !limit.IsZero
                    && Assets.All(a => LendingMarkets.Borrow(l.Chain.State, a, l.Address(actor)).Principal.IsZero)
                    && LendingMarkets.Cash(l.Chain.State, l.Market(AssetId.Usdf)) >= limit.ToBigInteger();
                var produced = l.Chain.Produce(l.Chain.Sign(actor, payload));
                if (produced.Rejected.Length == 1)
                {
                    Assert.Equal(root, l.Chain.State.ComputeRoot());
                    Assert.False(exactLimit, $"borrowing exactly the liquidity left was refused: {produced.Rejected[0].Code}");
                }
                else
                {
                    Assert.Equal(ResultCode.Ok, Assert.Single(produced.Receipts).Code);
                    accepted++;
                    if (exactLimit) atLimit++;

                    if (payload is LendRepayPayload repay && script[i] % 10 == 1 && repay.Borrower == l.Address(actor))
                    {
                        // Repaying exactly what was owed at this block clears the debt to the unit.
                        Assert.True(LendingMarkets.Borrow(l.Chain.State, repay.Asset, repay.Borrower).Principal.IsZero);
                        exactRepays++;
                    }

                    if (touched is { } asset)
                    {
                        // Whatever touches a market accrues it to this block, one block after the last accrual included.
                        Assert.Equal(l.Chain.State.Head.Height, l.Market(asset).AccrualBlockNumber);
                        if (l.Chain.State.Head.Height - lastAccrual == 1) oneBlockTouches++;
                    }
                }
            }

            AssertSolvent(l, peakBorrows);
        }

        int cases = Interlocked.Increment(ref _cases);
        int empty = steps == 0 ? Interlocked.Increment(ref _emptyCases) : Volatile.Read(ref _emptyCases);
        int totalSteps = Interlocked.Add(ref _steps, steps);
        int totalAccepted = Interlocked.Add(ref _accepted, accepted);
        int totalOneBlock = Interlocked.Add(ref _oneBlockTouches, oneBlockTouches);
        int totalAtLimit = Interlocked.Add(ref _atLimit, atLimit);
        int totalExactRepays = Interlocked.Add(ref _exactRepays, exactRepays);
        output.WriteLine($"case {cases}: {script.Length} bytes, {steps} steps ({accepted} accepted, {oneBlockTouches} touches one block after the last accrual, "
            + $"{atLimit} borrows at the limit, {exactRepays} exact repays); so far {empty} empty of {cases} cases, {totalSteps} steps, {totalAccepted} accepted, "
            + $"{totalOneBlock} one-block touches, {totalAtLimit} at the limit, {totalExactRepays} exact repays");
    }

    /// <param name="l">The chain.</param>
    /// <param name="peakBorrows">Each market's highest total borrows so far in the run (updated here): the rounding drift
    /// between total borrows and what borrowers owe stays once they repay, so it is bounded by the borrows it grew on.</param>
    private static void AssertSolvent(LendingChain l, Dictionary<AssetId, BigInteger> peakBorrows)
    {
        var state = l.Chain.State;
        l.AssertSupplyConserved();
        Assert.All(state.AccountsInOrder(), a => Assert.All(a.Balances, b => Assert.False(b.Amount.IsZero)));
        foreach (var market in LendingMarkets.All(state))
        {
            Assert.Equal(BigInteger.Zero, LendingMarkets.FlashOutstanding(state, market.Underlying));
            var cash = LendingMarkets.Cash(state, market);
            // What backs the cTokens: cash + borrows − reserves, never negative, and worth at least supply × rate.
            var backing = cash + market.TotalBorrows - market.TotalReserves;
            Assert.True(backing >= 0, $"market {market.Underlying}: reserves {market.TotalReserves} exceed cash {cash} + borrows {market.TotalBorrows}");
            var supply = state.FindAsset(market.CToken)!.Supply.ToBigInteger();
            Assert.True(LendingMarkets.ExchangeRate(state, market) * supply / BigInteger.Pow(10, 18) <= backing);
            // Total borrows are what the borrowers owe, up to the index's rounding (below 1e-18 of the borrows per accrual).
            var owed = BigInteger.Zero;
            foreach (var account in state.AccountsInOrder())
            {
                var borrow = LendingMarkets.Borrow(state, market.Underlying, account.Address);
                Assert.True(borrow.Lent <= borrow.Principal);
                owed += CompoundV2Math.BorrowBalanceStored(borrow.Snapshot, market.BorrowIndex);
            }

            var peak = peakBorrows[market.Underlying] = BigInteger.Max(market.TotalBorrows, peakBorrows.GetValueOrDefault(market.Underlying));
            Assert.True(BigInteger.Abs(market.TotalBorrows - owed) <= peak * MaxSteps / BigInteger.Pow(10, 18) + 1000, $"market {market.Underlying}: total borrows {market.TotalBorrows} (peak {peak}), owed {owed}");
        }
    }
}
