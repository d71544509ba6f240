using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using static Fairshare.Testing.AmmFixture;

namespace Fairshare.Core.Tests.Modules.Amm;

/// <summary>
/// The K check is <c>adj0 × adj1 ≥ r0 × r1 × 1000²</c> (defi-math.md §1.10): a swap that lands exactly on equality
/// passes, one base unit more out reverts <c>K</c>. Every case is built by hand so the fee-adjusted product equals the
/// old one to the unit, on both the BigInteger reference and the uint256 path, and through the module.
/// </summary>
/// <remarks>
/// The equality points used. Swap one side for the other: reserves (1000m, 1997n), 1000m in, 997n out gives
/// adj_in = 1000·2000m − 3·1000m = 1,997,000m and adj_out = 1000·1000n, product 1.997e9·m·n = 1000m·1997n·10⁶.
/// Borrow and repay the same side (Uniswap's "optimistic" case): out x, back y on that side gives
/// adj = 1000(r − x + y) − 3y = 1000r − 1000x + 997y, equal to 1000r exactly when 997y = 1000x (x = 997, y = 1000).
/// </remarks>
public sealed class AmmKEqualityTests
{
    private static readonly BigInteger E17 = BigInteger.Pow(10, 17);

    private static Amount A(BigInteger value) => Amount.TryFromBigInteger(value, out var amount) ? amount : throw new OverflowException();

    private static string RevertOf(Action action) => Assert.Throws<RevertException>(action).Error;

    public static TheoryData<long, long> Scales => new()
    {
        { 1, 1 },
        { 1_000_000_000_000_000_000, 1 },
        { 1, 1_000_000_000_000_000_000 },
        { 1_000_000_000_000_000_000, 1_000_000_000_000_000_000 },
        { 7, 13 },
    };

    [Theory]
    [MemberData(nameof(Scales))]
    public void Reference_Token0In_AtExactKEquality_Succeeds_AndOneMoreOutRevertsK(long m, long n)
    {
        BigInteger r0 = 1000 * (BigInteger)m, r1 = 1997 * (BigInteger)n, sent0 = 1000 * (BigInteger)m, out1 = 997 * (BigInteger)n;
        // Hand check of the equality the case is built on.
        Assert.Equal(r0 * r1 * 1_000_000, (1000 * (r0 + sent0) - 3 * sent0) * (1000 * (r1 - out1)));

        var swap = UniswapV2Math.Swap(r0, r1, 0, out1, sent0, 0);
        Assert.Equal(new PairSwap(sent0, 0, 2000 * (BigInteger)m, 1000 * (BigInteger)n), swap);
        Assert.Equal("K", RevertOf(() => UniswapV2Math.Swap(r0, r1, 0, out1 + 1, sent0, 0)));
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Reference_Token1In_AtExactKEquality_Succeeds_AndOneMoreOutRevertsK(long m, long n)
    {
        BigInteger r0 = 1997 * (BigInteger)n, r1 = 1000 * (BigInteger)m, sent1 = 1000 * (BigInteger)m, out0 = 997 * (BigInteger)n;
        var swap = UniswapV2Math.Swap(r0, r1, out0, 0, 0, sent1);
        Assert.Equal(new PairSwap(0, sent1, 1000 * (BigInteger)n, 2000 * (BigInteger)m), swap);
        Assert.Equal("K", RevertOf(() => UniswapV2Math.Swap(r0, r1, out0 + 1, 0, 0, sent1)));
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Uint256_Token0In_AtExactKEquality_Succeeds_AndOneMoreOutRevertsK(long m, long n)
    {
        BigInteger r0 = 1000 * (BigInteger)m, r1 = 1997 * (BigInteger)n, sent0 = 1000 * (BigInteger)m, out1 = 997 * (BigInteger)n;
        var swap = UniswapV2Math256.Swap(A(r0), A(r1), Amount.Zero, A(out1), A(sent0), Amount.Zero);
        Assert.Equal(new PairSwap256(A(sent0), Amount.Zero, A(2000 * (BigInteger)m), A(1000 * (BigInteger)n)), swap);
        Assert.Equal("K", RevertOf(() => UniswapV2Math256.Swap(A(r0), A(r1), Amount.Zero, A(out1 + 1), A(sent0), Amount.Zero)));
    }

    [Theory]
    [MemberData(nameof(Scales))]
    public void Uint256_Token1In_AtExactKEquality_Succeeds_AndOneMoreOutRevertsK(long m, long n)
    {
        BigInteger r0 = 1997 * (BigInteger)n, r1 = 1000 * (BigInteger)m, sent1 = 1000 * (BigInteger)m, out0 = 997 * (BigInteger)n;
        var swap = UniswapV2Math256.Swap(A(r0), A(r1), A(out0), Amount.Zero, Amount.Zero, A(sent1));
        Assert.Equal(new PairSwap256(Amount.Zero, A(sent1), A(1000 * (BigInteger)n), A(2000 * (BigInteger)m)), swap);
        Assert.Equal("K", RevertOf(() => UniswapV2Math256.Swap(A(r0), A(r1), A(out0 + 1), Amount.Zero, Amount.Zero, A(sent1))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000_000_000_000_000_000)]
    public void BothPaths_OptimisticRepayOnTheSameSide_AtExactKEquality_Succeeds_AndOneLessBackRevertsK(long m)
    {
        // Borrow 997m of token0, send back 1000m of it: 997·1000m = 1000·997m, the fee-adjusted balance is the reserve.
        BigInteger r0 = 5000 * (BigInteger)m, r1 = 3000 * (BigInteger)m, out0 = 997 * (BigInteger)m, back0 = 1000 * (BigInteger)m;
        var reference = UniswapV2Math.Swap(r0, r1, out0, 0, back0, 0);
        Assert.Equal(new PairSwap(back0, 0, r0 + 3 * (BigInteger)m, r1), reference);
        var fast = UniswapV2Math256.Swap(A(r0), A(r1), A(out0), Amount.Zero, A(back0), Amount.Zero);
        Assert.Equal(new PairSwap256(A(back0), Amount.Zero, A(r0 + 3 * (BigInteger)m), A(r1)), fast);

        // One base unit more out, or one less back, and the product falls short.
        Assert.Equal("K", RevertOf(() => UniswapV2Math.Swap(r0, r1, out0 + 1, 0, back0, 0)));
        Assert.Equal("K", RevertOf(() => UniswapV2Math.Swap(r0, r1, out0, 0, back0 - 1, 0)));
        Assert.Equal("K", RevertOf(() => UniswapV2Math256.Swap(A(r0), A(r1), A(out0 + 1), Amount.Zero, A(back0), Amount.Zero)));
        Assert.Equal("K", RevertOf(() => UniswapV2Math256.Swap(A(r0), A(r1), A(out0), Amount.Zero, A(back0 - 1), Amount.Zero)));
    }

    [Fact]
    public void Module_ExactInSwap_WhoseOutputLandsOnKEquality_Succeeds_WithTheHandComputedReserves()
    {
        // Pool 199.7 FSH : 100 USDF (units of 10^17); 100 USDF in: getAmountOut = 997·1000·1997 / (1000·1000 + 997·1000)
        // = 997 units = 99.7 FSH exactly, so the pair's K check (uint256 path) sits on equality.
        var chain = PoolChain();
        var alice = chain.Key("alice").Address;
        var (fshBefore, usdfBefore) = (chain.State.BalanceOf(alice, AssetId.Fsh), chain.State.BalanceOf(alice, AssetId.Usdf));
        var produced = chain.Produce(chain.Sign("alice", new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], Tenths(1000), Tenths(997), false)));
        Assert.Empty(produced.Rejected);
        var pool = Pool(chain);
        Assert.Equal(Tenths(1000), pool.ReserveOf(AssetId.Fsh));
        Assert.Equal(Tenths(2000), pool.ReserveOf(AssetId.Usdf));
        Assert.Equal(fshBefore + Tenths(997) - TestChain.MinFee, chain.State.BalanceOf(alice, AssetId.Fsh));
        Assert.Equal(usdfBefore - Tenths(1000), chain.State.BalanceOf(alice, AssetId.Usdf));
        // K grew only by the fee: 1000 × 2000 units now against 1997 × 1000 before.
        Assert.Equal(2_000_000 * E17 * E17, B(pool.ReserveOf(AssetId.Fsh)) * B(pool.ReserveOf(AssetId.Usdf)));
    }

    [Fact]
    public void Module_FlashSwap_RepaidExactlyToKEquality_Succeeds_AndOneBaseUnitShortRevertsK()
    {
        // Pool 199.7 FSH : 100 USDF; borrow 99.7 USDF, pay back 100 USDF: 997 × 1000 = 1000 × 997 (reference path, deferred).
        var chain = PoolChain();
        var pool = Pool(chain);
        var account = AmmPools.Account(pool.Id);

        var root = chain.State.ComputeRoot();
        var shortBatch = new BatchPayload([
            new AmmFlashSwapPayload(AssetId.Usdf, AssetId.Fsh, Tenths(997), Amount.Zero),
            new TransferPayload(account, AssetId.Usdf, Tenths(1000) - Amount.One)]);
        var refused = chain.Produce(chain.Sign("dave", shortBatch));
        Assert.Equal(ResultCode.KInvariant, Assert.Single(refused.Rejected).Code);
        Assert.Equal(root, chain.State.ComputeRoot());

        var exactBatch = new BatchPayload([
            new AmmFlashSwapPayload(AssetId.Usdf, AssetId.Fsh, Tenths(997), Amount.Zero),
            new TransferPayload(account, AssetId.Usdf, Tenths(1000))]);
        var produced = chain.Produce(chain.Sign("dave", exactBatch));
        Assert.Empty(produced.Rejected);
        var after = Pool(chain);
        Assert.Equal(Tenths(1997), after.ReserveOf(AssetId.Fsh));
        Assert.Equal(Tenths(1003), after.ReserveOf(AssetId.Usdf));
    }

    private static BigInteger B(Amount amount) => amount.ToBigInteger();

    /// <summary>Tenths of a token (10^17 base units).</summary>
    private static Amount Tenths(ulong count) => new Amount(count) * (Token / new Amount(10));

    /// <summary>A chain whose issuer seeded the FSH/USDF pool with 199.7 FSH and 100 USDF (AmmFixture's chain, exact amounts).</summary>
    private static TestChain PoolChain()
    {
        var chain = TestChain.Create();
        var mints = TestChain.Names.Select((name, i) => chain.Sign("issuer",
            new MintStablePayload(chain.Key(name).Address, Tokens(100_000)), nonce: (ulong)i)).ToList();
        mints.Add(chain.Sign("issuer", new MintStablePayload(chain.Key("issuer").Address, Tokens(100_000)), nonce: 4));
        Expect(chain, [.. mints]);
        Expect(chain, chain.Sign("issuer", new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, Tenths(1997), Tenths(1000), Amount.Zero, Amount.Zero)));
        return chain;
    }
}
