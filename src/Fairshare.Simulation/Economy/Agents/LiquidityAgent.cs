using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>
/// A liquidity provider in the FSH/USDF AMM pool. A small LP adds a share of its holdings at the pool's ratio once the
/// pool exists, and now and then takes half out or puts it back. A whale does the same with more, locks FSH for votes,
/// votes, and also swaps large amounts (1 to 3% of the pool's reserve) in a random direction.
/// </summary>
internal sealed class LiquidityAgent : EconomyAgent
{
    private readonly bool _whale;

    public LiquidityAgent(string name, ulong seed, ulong stream, bool whale, double fsh, double usdf)
        : base(name, seed, stream)
    {
        _whale = whale;
        Fsh = fsh;
        Usdf = usdf;
    }

    /// <summary>FSH at genesis.</summary>
    public double Fsh { get; }

    /// <summary>USDF minted in the first block.</summary>
    public double Usdf { get; }

    public override void Act(EconomyWorld world)
    {
        ulong next = world.Next;
        if (next == 1 && _whale)
        {
            world.Send(Key, new GovDelegatePayload(Address));
            world.Send(Key, new GovLockPayload(TokenUnits.Tokens(Fsh * 0.2)));
            return;
        }

        if (_whale) Ballot.MaybeVote(world, Key, Uniform());
        if (next < 3 || world.AmmPool is not { } pool || world.AmmPrice <= 0) return;
        if (next == 3)
        {
            Add(world, 0.4);
            return;
        }

        double draw = Uniform();
        if (draw < (_whale ? 0.01 : 0.005))
        {
            var shares = world.State.BalanceOf(Address, pool.LpAsset);
            if (!shares.IsZero) world.Send(Key, new AmmRemoveLiquidityPayload(AssetId.Fsh, AssetId.Usdf, TokenUnits.Share(shares, 0.5), Amount.Zero, Amount.Zero));
        }
        else if (draw < (_whale ? 0.02 : 0.01))
        {
            Add(world, 0.3);
        }
        else if (_whale && draw < 0.05)
        {
            Swap(world, pool);
        }
    }

    /// <summary>Adds a share of its free FSH with the USDF the pool's price asks for (or less FSH when USDF is short).</summary>
    private void Add(EconomyWorld world, double share)
    {
        double price = world.AmmPrice;
        double fsh = TokenUnits.ToTokens(world.State.BalanceOf(Address, AssetId.Fsh)) * share;
        double usdf = TokenUnits.ToTokens(world.State.BalanceOf(Address, AssetId.Usdf)) * share;
        if (fsh * price > usdf) fsh = usdf / price;
        if (fsh <= 0) return;
        world.Send(Key, new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, TokenUnits.Tokens(fsh), TokenUnits.Tokens(fsh * price), Amount.Zero, Amount.Zero));
    }

    private void Swap(EconomyWorld world, Pool pool)
    {
        double size = 0.01 + 0.02 * Uniform();
        bool sellFsh = Uniform() < 0.5;
        var (fshReserve, usdfReserve) = pool.Asset0 == AssetId.Fsh ? (pool.Reserve0, pool.Reserve1) : (pool.Reserve1, pool.Reserve0);
        var amount = TokenUnits.Share(sellFsh ? fshReserve : usdfReserve, size);
        var held = world.State.BalanceOf(Address, sellFsh ? AssetId.Fsh : AssetId.Usdf);
        if (amount > held) amount = TokenUnits.Share(held, 0.5);
        if (amount.IsZero) return;
        AssetId[] path = sellFsh ? [AssetId.Fsh, AssetId.Usdf] : [AssetId.Usdf, AssetId.Fsh];
        world.Send(Key, new AmmSwapPayload([.. path], amount, Amount.Zero, false));
    }
}
