using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Modules.StableSwap;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>
/// An arbitrageur between the two pools of FSH/USDF: the Uniswap v2 AMM pool and the StableSwap pool (the AMM allows
/// one pair per asset pair, so the second pool is a Curve pool of the same pair). When their marginal prices differ by
/// more than 0.5% it buys FSH in the cheaper pool and sells it in the dearer one, in one batch whose second leg must
/// return more USDF than the first spent (else the batch reverts and nothing happens).
/// </summary>
internal sealed class ArbitrageAgent : EconomyAgent
{
    private const double Threshold = 0.005;
    private static readonly BigInteger Probe = BigInteger.Pow(10, 18);

    public ArbitrageAgent(int index, ulong seed, double fsh, double usdf)
        : base($"arbitrageur-{index}", seed, 4_000 + (ulong)index)
    {
        Fsh = fsh;
        Usdf = usdf;
    }

    /// <summary>FSH at genesis.</summary>
    public double Fsh { get; }

    /// <summary>USDF minted in the first block.</summary>
    public double Usdf { get; }

    /// <summary>Batches that went through.</summary>
    public int Trades { get; private set; }

    public override void Act(EconomyWorld world)
    {
        if (world.Next < 4 || world.AmmPool is not { } amm || world.StablePool is not { } stable) return;
        var (fshReserve, usdfReserve) = amm.Asset0 == AssetId.Fsh ? (amm.Reserve0, amm.Reserve1) : (amm.Reserve1, amm.Reserve0);
        if (fshReserve.IsZero || usdfReserve.IsZero) return;
        var math = stable.ToMath(StablePools.LpSupply(world.State, stable));
        double ammPrice = world.AmmPrice;
        if (Quote(math, 0, 1, Probe) is not { } probe || probe.IsZero) return;
        double stablePrice = TokenUnits.ToTokens(probe);
        double gap = ammPrice / stablePrice - 1;
        if (Math.Abs(gap) < Threshold) return;
        var usdfHeld = world.State.BalanceOf(Address, AssetId.Usdf);
        var size = TokenUnits.Share(usdfReserve, Math.Min(Math.Abs(gap) / 4, 0.05));
        if (size > usdfHeld) size = TokenUnits.Share(usdfHeld, 0.5);

        // Halve the size until both legs, quoted on the head state, return more USDF than the first leg spends.
        for (int tries = 0; tries < 12 && !size.IsZero; tries++, size = TokenUnits.Exact(size.ToBigInteger() / 2))
        {
            if (Plan(math, gap > 0, size, fshReserve.ToBigInteger(), usdfReserve.ToBigInteger(), stable.Id) is { } steps)
            {
                world.Send(Key, new BatchPayload([.. steps]));
                Trades++;
                return;
            }
        }
    }

    /// <summary>
    /// The two legs for <paramref name="size"/> USDF, or null when they do not profit: buy FSH in the StableSwap pool and
    /// sell it in the AMM (<paramref name="ammDearer"/>), or the other way round.
    /// </summary>
    private static TxPayload[]? Plan(StableSwapPool math, bool ammDearer, Amount size, BigInteger fshReserve, BigInteger usdfReserve, uint stableId)
    {
        var dx = size.ToBigInteger();
        if (ammDearer)
        {
            if (Quote(math, 1, 0, dx) is not { } fsh || fsh.IsZero) return null;
            var back = UniswapV2Math.GetAmountOut(fsh, fshReserve, usdfReserve);
            if (back <= dx) return null;
            return [new StableExchangePayload(stableId, 1, 0, size, TokenUnits.Exact(fsh)), new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], TokenUnits.Exact(fsh), size, false)];
        }

        var bought = UniswapV2Math.GetAmountOut(dx, usdfReserve, fshReserve);
        if (bought.IsZero || Quote(math, 0, 1, bought) is not { } returned || returned <= dx) return null;
        return [new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], size, TokenUnits.Exact(bought), false), new StableExchangePayload(stableId, 0, 1, TokenUnits.Exact(bought), size)];
    }
    /// <summary>The StableSwap pool's quote, or null where its invariant does not converge (a pool pushed far off balance).</summary>
    private static BigInteger? Quote(StableSwapPool math, int i, int j, BigInteger dx)
    {
        try
        {
            return StableSwapMath.GetDy(math, i, j, dx);
        }
        catch (RevertException)
        {
            return null;
        }
    }
}
