using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>
/// A founder or venture investor with a vesting genesis allocation: every <see cref="EconomyParameters.ClaimEveryBlocks"/>
/// after the cliff it claims what vested, sells <see cref="EconomyParameters.InsiderSellShare"/> of it for USDF in the
/// AMM pool and locks the rest for votes, all in one batch. It votes on every proposal.
/// </summary>
internal sealed class InsiderAgent : EconomyAgent
{
    private readonly int _claimEvery;
    private readonly double _sellShare;

    public InsiderAgent(string name, ulong seed, ulong stream, EconomyParameters p, Amount allocation)
        : base(name, seed, stream)
    {
        Allocation = allocation;
        _claimEvery = p.ClaimEveryBlocks;
        _sellShare = p.InsiderSellShare;
    }

    /// <summary>Its genesis allocation (all vesting).</summary>
    public Amount Allocation { get; }

    /// <summary>FSH it sold so far (claims that went through).</summary>
    public Amount Sold { get; private set; }

    /// <summary>FSH it claimed so far.</summary>
    public Amount Claimed { get; private set; }

    private (SignedTransaction Tx, Amount Claim, Amount Sell)? _pending;

    /// <summary>Books the outcome of its transaction in the last block (called at the start of each turn and after the run).</summary>
    public void Settle(EconomyWorld world)
    {
        if (_pending is { } pending && !world.WasRejected(pending.Tx))
        {
            Claimed += pending.Claim;
            Sold += pending.Sell;
        }

        _pending = null;
    }

    public override void Act(EconomyWorld world)
    {
        Settle(world);
        ulong next = world.Next;
        if (next == 1)
        {
            world.Send(Key, new GovDelegatePayload(Address));
            return;
        }

        Ballot.MaybeVote(world, Key, Uniform());
        if (next % (ulong)_claimEvery != 0 || world.State.Find(Address)?.Vesting is not { } vesting) return;
        var claim = vesting.VestedAt(next) - vesting.Claimed;
        if (claim.IsZero) return;
        var sell = TokenUnits.Share(claim, _sellShare);
        var keep = claim - sell;
        var steps = new List<TxPayload> { new ClaimVestedPayload() };
        if (!sell.IsZero && world.AmmPool is not null) steps.Add(new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], sell, Amount.Zero, false));
        else sell = Amount.Zero;
        if (!keep.IsZero) steps.Add(new GovLockPayload(keep));
        _pending = (world.Send(Key, new BatchPayload([.. steps])), claim, sell);
    }
}
