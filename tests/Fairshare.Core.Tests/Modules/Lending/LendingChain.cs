using System.Numerics;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Lending;

/// <summary>
/// A test chain with an FSH/USDF pool whose TWAP has matured (400 FSH : 800 USDF, so FSH is worth exactly 2 USDF),
/// USDF for everyone, a USDF market supplied by the issuer and an FSH market supplied by alice.
/// </summary>
internal sealed class LendingChain
{
    private LendingChain(TestChain chain) => Chain = chain;

    /// <summary>The chain.</summary>
    public TestChain Chain { get; }

    /// <summary>USDF the issuer supplies to the USDF market.</summary>
    public static readonly Amount IssuerSupply = Units("100000");

    /// <summary>The seconds of the next block's timestamp (what a transaction in it sees).</summary>
    public ulong NextSeconds => (Chain.State.Head.TimestampMs + 1000) / 1000;

    /// <summary>The chain, ready for lending (or only with the pool, or with nothing at all).</summary>
    public static LendingChain Create(bool withPool = true, bool withMarkets = true)
    {
        var lending = new LendingChain(TestChain.Create());
        lending.Ok("issuer", new MintStablePayload(lending.Address("issuer"), Units("1000000")));
        foreach (var name in TestChain.Names) lending.Ok("issuer", new MintStablePayload(lending.Address(name), Units("10000")));
        if (withPool)
        {
            lending.Ok("carol", new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, Units("400"), Units("800"), Amount.Zero, Amount.Zero));
            lending.Blocks(61);
        }

        if (withMarkets)
        {
            lending.Ok("issuer", new LendSupplyPayload(AssetId.Usdf, IssuerSupply));
            lending.Ok("alice", new LendSupplyPayload(AssetId.Fsh, Units("100")));
        }

        return lending;
    }

    /// <summary>Whole tokens of an 18-decimal asset.</summary>
    public static Amount Units(string whole) =>
        Amount.TryParseDecimal(whole, 18, out var amount) ? amount : throw new ArgumentException(whole);

    /// <summary>A named key's address.</summary>
    public Address Address(string name) => Chain.Key(name).Address;

    /// <summary>A balance.</summary>
    public Amount Balance(string name, AssetId asset) => Chain.State.BalanceOf(Address(name), asset);

    /// <summary>A market (it must exist).</summary>
    public Core.Modules.Lending.Market Market(AssetId asset) => LendingMarkets.Get(Chain.State, asset)!;

    /// <summary>Produces empty blocks.</summary>
    public void Blocks(int count)
    {
        for (int i = 0; i < count; i++) Chain.Produce();
    }

    /// <summary>Commits a transaction that must succeed; returns its receipt's events.</summary>
    public IReadOnlyList<Core.Ledger.LedgerEvent> Ok(string from, TxPayload payload)
    {
        var produced = Chain.Produce(Chain.Sign(from, payload));
        Assert.True(produced.Rejected.IsEmpty, produced.Rejected.IsEmpty ? "" : $"{payload.Kind} by {from}: {produced.Rejected[0].Code}");
        var receipt = Assert.Single(produced.Receipts);
        Assert.Equal(ResultCode.Ok, receipt.Code);
        return receipt.Events;
    }

    /// <summary>Submits a transaction that must be refused with <paramref name="code"/>, and checks that nothing changed.</summary>
    public void Refused(string from, TxPayload payload, ResultCode code)
    {
        var root = Chain.State.ComputeRoot();
        var fingerprint = Chain.Fingerprint();
        ProducedBlock produced = Chain.Produce(Chain.Sign(from, payload));
        Assert.Equal(code, Assert.Single(produced.Rejected).Code);
        Assert.Equal(root, Chain.State.ComputeRoot());
        Assert.Equal(fingerprint, Chain.Fingerprint());
    }

    /// <summary>The account's liquidity as a transaction in the next block would see it.</summary>
    public AccountLiquidity Liquidity(string name)
    {
        Assert.Equal(ResultCode.Ok, LendingModule.TryAccountLiquidity(Chain.State, Address(name), NextSeconds, out var liquidity));
        return liquidity;
    }

    /// <summary>What an account owes in a market once interest accrues in the next block (the math, outside any transaction).</summary>
    public BigInteger OwedNextBlock(string name, AssetId asset)
    {
        var state = Chain.State;
        var market = Market(asset);
        var rate = market.Risk.RateModel.BorrowRate(LendingMarkets.Cash(state, market), market.TotalBorrows, market.TotalReserves);
        var accrual = CompoundV2Math.AccrueInterest(market.Interest, market.Risk.ReserveFactor, rate, state.Head.Height + 1 - market.AccrualBlockNumber);
        return CompoundV2Math.BorrowBalanceStored(LendingMarkets.Borrow(state, asset, Address(name)).Snapshot, accrual.Market.BorrowIndex);
    }

    /// <summary>Asserts that every asset's supply equals the sum of its balances.</summary>
    public void AssertSupplyConserved()
    {
        foreach (var asset in Chain.State.Assets) Assert.Equal(asset.Supply, Chain.SumOfBalances(asset.Id));
    }
}
