using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Primitives;
using FsCheck.Xunit;
using static Fairshare.Core.Tests.Modules.Lending.LendingChain;

namespace Fairshare.Core.Tests.Modules.Lending;

/// <summary>Invariants of the lending markets over random sequences of market actions, swaps that move the TWAP, and time.</summary>
public sealed class LendingPropertyTests
{
    private static readonly string[] Actors = ["alice", "bob", "carol", "dave"];
    private static readonly AssetId[] Assets = [AssetId.Fsh, AssetId.Usdf];
    private const int MaxSteps = 60;

    /// <summary>Turns five script bytes into a transaction (valid or not), or into time passing when it returns null.</summary>
    private static TxPayload? Step(LendingChain l, byte op, byte who, byte what, ushort size)
    {
        var asset = Assets[what % 2];
        var other = Assets[(what / 2) % 2];
        var victim = l.Address(Actors[(what / 4) % Actors.Length]);
        // From hundredths to hundreds of tokens, so that some actions fit the balances and limits and some do not.
        var amount = new Amount((ulong)(size & 0x3FF)) * Units((size >> 14) switch { 0 => "0.01", 1 => "0.1", _ => "1" });
        var tokens = l.Balance(Actors[who % Actors.Length], l.Market(asset).CToken);
        return (op % 10) switch
        {
            0 or 1 => new LendSupplyPayload(asset, amount),
            2 => size % 3 == 0 ? new LendRedeemPayload(asset, tokens * new Amount((ulong)(size % 100 + 1)) / new Amount(100), Amount.Zero) : new LendRedeemPayload(asset, Amount.Zero, amount),
            3 or 4 => new LendBorrowPayload(asset, amount),
            5 => new LendRepayPayload(asset, size % 4 == 0 ? victim : l.Address(Actors[who % Actors.Length]), size % 5 == 0 ? Amount.MaxValue : amount),
            6 when what % 8 < 4 => Liquidation(l, what % 2 == 0 ? "bob" : "carol", size),
            6 => new LendLiquidatePayload(victim, asset, amount, other),
            7 => new AmmSwapPayload([asset, Assets[1 - what % 2]], amount, Amount.Zero, false),
            8 => new BatchPayload([new LendFlashLoanPayload(asset, amount * new Amount(10)), new LendSupplyPayload(asset, amount)]),
            _ => null,
        };
    }

    /// <summary>A liquidation aimed at one of the leveraged borrowers set up by the property, within the close factor.</summary>
    private static LendLiquidatePayload Liquidation(LendingChain l, string borrower, ushort size)
    {
        var (borrowed, collateral) = borrower == "bob" ? (AssetId.Usdf, AssetId.Fsh) : (AssetId.Fsh, AssetId.Usdf);
        return new LendLiquidatePayload(l.Address(borrower), borrowed, new Amount((ulong)(size % 4000 + 1)) * Units("0.01"), collateral);
    }

    [Property(MaxTest = 40, StartSize = 150, EndSize = 400)]
    public void NoSequenceOfActions_MakesAMarketInsolvent(byte[] script)
    {
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
            if (payload is null)
            {
                l.Blocks(1 + script[i + 4] % 70);
            }
            else
            {
                var root = l.Chain.State.ComputeRoot();
                var produced = l.Chain.Produce(l.Chain.Sign(actor, payload));
                if (produced.Rejected.Length == 1) Assert.Equal(root, l.Chain.State.ComputeRoot());
                else Assert.Equal(ResultCode.Ok, Assert.Single(produced.Receipts).Code);
            }

            AssertSolvent(l);
        }
    }

    private static void AssertSolvent(LendingChain l)
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

            Assert.True(BigInteger.Abs(market.TotalBorrows - owed) <= market.TotalBorrows * MaxSteps / BigInteger.Pow(10, 18) + 1000, $"market {market.Underlying}: total borrows {market.TotalBorrows}, owed {owed}");
        }
    }
}
