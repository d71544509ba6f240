using System.Collections.Immutable;
using Fairshare.Core.Ledger;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.StableSwap;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.StableSwap;

/// <summary>A test chain with USDF for everyone and an FSH/USDF StableSwap pool (pool 1) seeded by carol with 400 of each.</summary>
internal sealed class StableChain
{
    private StableChain(TestChain chain) => Chain = chain;

    /// <summary>The chain.</summary>
    public TestChain Chain { get; }

    /// <summary>The pool's id.</summary>
    public const uint PoolId = 1;

    /// <summary>The chain, with the pool created and seeded (or only created, or neither).</summary>
    public static StableChain Create(bool withPool = true, bool seeded = true)
    {
        var stable = new StableChain(TestChain.Create());
        foreach (var name in TestChain.Names) stable.Ok("issuer", new MintStablePayload(stable.Address(name), Units("1000")));
        if (withPool) stable.Ok("alice", new StableCreatePoolPayload([AssetId.Fsh, AssetId.Usdf], 0));
        if (withPool && seeded) stable.Ok("carol", new StableAddLiquidityPayload(PoolId, [Units("400"), Units("400")], Amount.Zero));
        return stable;
    }

    /// <summary>Whole tokens of an 18-decimal asset.</summary>
    public static Amount Units(string whole) =>
        Amount.TryParseDecimal(whole, 18, out var amount) ? amount : throw new ArgumentException(whole);

    /// <summary>A math result as an amount.</summary>
    public static Amount AmountOf(System.Numerics.BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount) ? amount : throw new ArgumentOutOfRangeException(nameof(value));

    /// <summary>A named key's address.</summary>
    public Address Address(string name) => Chain.Key(name).Address;

    /// <summary>A balance.</summary>
    public Amount Balance(string name, AssetId asset) => Chain.State.BalanceOf(Address(name), asset);

    /// <summary>The treasury's balance of an asset.</summary>
    public Amount Treasury(AssetId asset) => Chain.State.BalanceOf(Chain.State.Params.Treasury, asset);

    /// <summary>The pool (it must exist).</summary>
    public StablePool Pool(uint id = PoolId) => StablePools.Get(Chain.State, id)!;

    /// <summary>The pool as the math sees it now.</summary>
    public StableSwapPool Math(uint id = PoolId) => Pool(id).ToMath(StablePools.LpSupply(Chain.State, Pool(id)));

    /// <summary>Commits a transaction that must succeed; returns its receipt's events.</summary>
    public ImmutableArray<LedgerEvent> Ok(string from, TxPayload payload)
    {
        var produced = Chain.Produce(Chain.Sign(from, payload));
        Assert.True(produced.Rejected.IsEmpty, produced.Rejected.IsEmpty ? "" : $"{payload.Kind} by {from}: {produced.Rejected[0].Code}");
        var receipt = Assert.Single(produced.Receipts);
        Assert.Equal(ResultCode.Ok, receipt.Code);
        return [.. receipt.Events];
    }

    /// <summary>Submits a transaction that must be refused with <paramref name="code"/>, and checks that nothing changed.</summary>
    public void Refused(string from, TxPayload payload, ResultCode code)
    {
        var root = Chain.State.ComputeRoot();
        var fingerprint = Chain.Fingerprint();
        var produced = Chain.Produce(Chain.Sign(from, payload));
        Assert.Equal(code, Assert.Single(produced.Rejected).Code);
        Assert.Equal(root, Chain.State.ComputeRoot());
        Assert.Equal(fingerprint, Chain.Fingerprint());
    }

    /// <summary>Asserts that every asset's supply equals the sum of its balances and that every pool account holds exactly its stored balances.</summary>
    public void AssertConserved()
    {
        foreach (var asset in Chain.State.Assets) Assert.Equal(asset.Supply, Chain.SumOfBalances(asset.Id));
        foreach (var pool in StablePools.All(Chain.State))
        {
            for (int k = 0; k < pool.Assets.Length; k++)
                Assert.Equal(pool.Balances[k], Chain.State.BalanceOf(StablePools.Account(pool.Id), pool.Assets[k]));
        }
    }
}
