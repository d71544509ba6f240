using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>
/// A retail buyer in the rug-pull scenario: before the pull it buys FSH with small slices of its USDF now and then;
/// after the dominant LP pulled the liquidity it sells all its FSH into what is left. Its loss is the USDF it spent
/// less the USDF it got back by selling what it bought.
/// </summary>
internal sealed class RugBuyerAgent : EconomyAgent
{
    private readonly ulong _rugAt;
    private SignedTransaction? _pending;
    private Amount _usdfBefore;
    private Amount _fshBefore;
    private Amount _bought;
    private bool _pendingBuy;

    public RugBuyerAgent(int index, ulong seed, EconomyParameters p, double usdf)
        : base($"rug-buyer-{index}", seed, 6_000 + (ulong)index)
    {
        _rugAt = (ulong)p.RugAtBlock;
        Usdf = usdf;
    }

    /// <summary>USDF minted in the first block.</summary>
    public double Usdf { get; }

    /// <summary>USDF spent on FSH, in base units (exact).</summary>
    public BigInteger Spent { get; private set; }

    /// <summary>USDF got back by selling, in base units (exact).</summary>
    public BigInteger Received { get; private set; }

    /// <summary>Books the outcome of its swap in the last block (called at the start of each turn and after the run).</summary>
    public void Settle(EconomyWorld world)
    {
        if (_pending is { } tx && !world.WasRejected(tx))
        {
            var change = world.State.BalanceOf(Address, AssetId.Usdf).ToBigInteger() - _usdfBefore.ToBigInteger();
            var fshNow = world.State.BalanceOf(Address, AssetId.Fsh);
            if (_pendingBuy)
            {
                Spent -= change;
                if (fshNow > _fshBefore) _bought += fshNow - _fshBefore;
            }
            else
            {
                Received += change;
                _bought = Amount.Zero;
            }
        }

        _pending = null;
    }

    public override void Act(EconomyWorld world)
    {
        Settle(world);
        if (world.Next < 4 || world.AmmPool is null) return;
        _usdfBefore = world.State.BalanceOf(Address, AssetId.Usdf);
        _fshBefore = world.State.BalanceOf(Address, AssetId.Fsh);
        if (world.Next < _rugAt)
        {
            if (Uniform() >= 0.05) return;
            var slice = TokenUnits.Tokens(Usdf * (0.01 + 0.03 * Uniform()));
            if (slice > world.State.BalanceOf(Address, AssetId.Usdf)) return;
            _pendingBuy = true;
            _pending = world.Send(Key, new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], slice, Amount.Zero, false));
            return;
        }

        if (world.Next <= _rugAt) return;
        var fsh = _bought;
        if (fsh.IsZero || fsh > _fshBefore) return;
        _pendingBuy = false;
        _pending = world.Send(Key, new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], fsh, Amount.Zero, false));
    }
}
