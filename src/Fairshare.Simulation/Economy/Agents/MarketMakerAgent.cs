using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Modules.StableSwap;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>
/// The protocol-owned liquidity (treasury cohort): in block 2 it creates the FSH/USDF AMM pool and a StableSwap pool of
/// the same pair (a tenth of the depth, low amplification: the arbitrageurs' second pool), and the USDF and FSH lending
/// markets, and supplies USDF to lend. In the rug-pull scenario it is the thin pool's dominant LP and removes all its
/// liquidity at <see cref="EconomyParameters.RugAtBlock"/>. (Core has no user-created tokens, so the rug pull is an LP
/// pulling the liquidity of FSH/USDF, not a new token.)
/// </summary>
internal sealed class MarketMakerAgent : EconomyAgent
{
    /// <summary>USDF it supplies to the USDF lending market.</summary>
    public const double LendingUsdf = 500_000;

    private readonly EconomyParameters _p;

    public MarketMakerAgent(ulong seed, EconomyParameters p)
        : base("market-maker", seed, 2)
    {
        _p = p;
    }

    /// <summary>FSH it needs at genesis.</summary>
    public double FshNeeded => _p.PoolFsh * 1.1 + 10;

    /// <summary>USDF it needs in the first block.</summary>
    public double UsdfNeeded => _p.PoolUsdf * 1.1 + LendingUsdf;

    /// <summary>The block at which it pulled its liquidity (0: never).</summary>
    public ulong PulledAt { get; private set; }

    public override void Act(EconomyWorld world)
    {
        ulong next = world.Next;
        if (next == 2)
        {
            world.Send(Key, new AmmCreatePoolPayload(AssetId.Fsh, AssetId.Usdf));
            world.Send(Key, new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, TokenUnits.Tokens(_p.PoolFsh), TokenUnits.Tokens(_p.PoolUsdf), Amount.Zero, Amount.Zero));
            world.Send(Key, new StableCreatePoolPayload([AssetId.Fsh, AssetId.Usdf], (uint)_p.StableAmplification));
            world.Send(Key, new StableAddLiquidityPayload(1, [TokenUnits.Tokens(_p.PoolFsh / 10), TokenUnits.Tokens(_p.PoolUsdf / 10)], Amount.Zero));
            world.Send(Key, new LendCreateMarketPayload(AssetId.Usdf));
            world.Send(Key, new LendCreateMarketPayload(AssetId.Fsh));
            world.Send(Key, new LendSupplyPayload(AssetId.Usdf, TokenUnits.Tokens(LendingUsdf)));
            return;
        }

        if (_p.RugBuyers > 0 && next == (ulong)_p.RugAtBlock && world.AmmPool is { } pool)
        {
            var shares = world.State.BalanceOf(Address, pool.LpAsset);
            if (shares.IsZero) return;
            world.Send(Key, new AmmRemoveLiquidityPayload(AssetId.Fsh, AssetId.Usdf, shares, Amount.Zero, Amount.Zero));
            PulledAt = next;
        }
    }
}
