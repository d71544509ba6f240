using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Primitives;

namespace Fairshare.Testing;

/// <summary>A test chain whose named accounts hold USDF too, with an FSH/USDF pool seeded by the issuer.</summary>
public static class AmmFixture
{
    /// <summary>One whole token (10^18 base units).</summary>
    public static readonly Amount Token = Amount.Parse("1000000000000000000");

    /// <summary>Whole tokens as base units.</summary>
    public static Amount Tokens(ulong count) => new Amount(count) * Token;

    /// <summary>
    /// A chain where alice, bob, carol and dave hold 100,000 USDF each, and the issuer seeded an FSH/USDF pool with
    /// <paramref name="fsh"/> FSH and <paramref name="usdf"/> USDF (1 FSH = usdf/fsh USDF).
    /// </summary>
    public static TestChain Create(ulong fsh = 500, ulong usdf = 1000)
    {
        var chain = TestChain.Create();
        var mints = TestChain.Names.Select((name, i) => chain.Sign("issuer",
            new MintStablePayload(chain.Key(name).Address, Tokens(100_000)), nonce: (ulong)i)).ToList();
        mints.Add(chain.Sign("issuer", new MintStablePayload(chain.Key("issuer").Address, Tokens(100_000)), nonce: 4));
        Expect(chain, mints.ToArray());
        Expect(chain, chain.Sign("issuer", new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, Tokens(fsh), Tokens(usdf), Amount.Zero, Amount.Zero)));
        return chain;
    }

    /// <summary>The FSH/USDF pool.</summary>
    public static Pool Pool(TestChain chain) => AmmPools.Find(chain.State, AssetId.Fsh, AssetId.Usdf)!;

    /// <summary>Produces a block and fails the test's setup unless every candidate was included.</summary>
    public static void Expect(TestChain chain, params SignedTransaction[] transactions)
    {
        var produced = chain.Produce(transactions);
        if (!produced.Rejected.IsEmpty)
            throw new InvalidOperationException("setup transaction rejected: " + string.Join(", ", produced.Rejected.Select(r => r.Code)));
    }
}
