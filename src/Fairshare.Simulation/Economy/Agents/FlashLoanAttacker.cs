using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>
/// The classic oracle attack, in one batch: flash-borrow USDF from Lending, buy FSH with it in the AMM pool (pumping the
/// spot price), supply its own FSH as collateral, borrow USDF as much as the pumped spot price would allow, sell the
/// bought FSH back, and repay the loan at the end of the transaction. Lending prices collateral by the AMM's TWAP, not
/// the spot price, so the borrow is refused and the whole batch reverts. It records attempts, reverts and profit
/// (its USDF plus FSH valued at the pool's reserves before the attack, before and after a batch that went through: the
/// collateral it leaves behind counts as lost), exact in USDF base units.
/// </summary>
internal sealed class FlashLoanAttacker : EconomyAgent
{
    private static readonly BigInteger Wad = BigInteger.Pow(10, 18);
    private readonly int _every;
    private (SignedTransaction Tx, BigInteger ValueBefore, BigInteger UsdfReserve, BigInteger FshReserve)? _pending;

    public FlashLoanAttacker(int index, ulong seed, EconomyParameters p, double fsh, double usdf)
        : base($"attacker-{index}", seed, 5_000 + (ulong)index)
    {
        _every = p.AttackEveryBlocks;
        Fsh = fsh;
        Usdf = usdf;
    }

    /// <summary>FSH at genesis (its collateral).</summary>
    public double Fsh { get; }

    /// <summary>USDF minted in the first block (to cover fees and swap losses).</summary>
    public double Usdf { get; }

    /// <summary>Batches tried.</summary>
    public int Attempts { get; private set; }

    /// <summary>Batches that reverted.</summary>
    public int Reverts { get; private set; }

    /// <summary>USDF gained over the batches that went through (negative: lost), in base units (exact).</summary>
    public BigInteger Profit { get; private set; }

    /// <summary>Books the outcome of its transaction in the last block (called at the start of each turn and after the run).</summary>
    public void Settle(EconomyWorld world)
    {
        if (_pending is { } pending)
        {
            if (world.WasRejected(pending.Tx)) Reverts++;
            else Profit += Value(world, pending.UsdfReserve, pending.FshReserve) - pending.ValueBefore;
            _pending = null;
        }
    }

    public override void Act(EconomyWorld world)
    {
        Settle(world);

        if (world.Next < 100 || world.Next % (ulong)_every != 0 || world.AmmPool is not { } pool) return;
        if (AmmOracle.TryTwap(world.State, AssetId.Fsh, AssetId.Usdf, world.NextSeconds, out _) != ResultCode.Ok) return;
        var (fshReserve, usdfReserve) = pool.Asset0 == AssetId.Fsh ? (pool.Reserve0, pool.Reserve1) : (pool.Reserve1, pool.Reserve0);
        var cash = world.State.BalanceOf(LendingMarkets.Account(AssetId.Usdf), AssetId.Usdf).ToBigInteger();
        var loan = cash / 2;
        var borrow = cash * 2 / 5;
        if (loan.IsZero || borrow.IsZero) return;
        var bought = UniswapV2Math.GetAmountOut(loan, usdfReserve.ToBigInteger(), fshReserve.ToBigInteger());
        var spotAfter = (usdfReserve.ToBigInteger() + loan) * Wad / (fshReserve.ToBigInteger() - bought);

        // Just enough collateral for the borrow at the pumped spot price and a 50% collateral factor: a spot-price
        // oracle would lend; at the TWAP the same collateral is worth far less.
        var held = world.State.BalanceOf(Address, AssetId.Fsh).ToBigInteger() * 9 / 10;
        if (held * spotAfter / Wad / 2 * 50 / 51 < borrow) borrow = held * spotAfter / Wad / 2 * 50 / 51;
        var collateral = borrow * Wad * 2 / spotAfter * 51 / 50;
        if (collateral.IsZero || borrow.IsZero) return;
        TxPayload[] steps =
        [
            new LendFlashLoanPayload(AssetId.Usdf, TokenUnits.Exact(loan)),
            new AmmSwapPayload([AssetId.Usdf, AssetId.Fsh], TokenUnits.Exact(loan), Amount.Zero, false),
            new LendSupplyPayload(AssetId.Fsh, TokenUnits.Exact(collateral)),
            new LendBorrowPayload(AssetId.Usdf, TokenUnits.Exact(borrow)),
            new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], TokenUnits.Exact(bought), Amount.Zero, false),
        ];
        Attempts++;
        var (usdfPrice, fshPrice) = (usdfReserve.ToBigInteger(), fshReserve.ToBigInteger());
        _pending = (world.Send(Key, new BatchPayload([.. steps])), Value(world, usdfPrice, fshPrice), usdfPrice, fshPrice);
    }

    /// <summary>Its USDF plus its FSH at the price <paramref name="usdfReserve"/> / <paramref name="fshReserve"/>, in USDF base units (rounded toward zero).</summary>
    private BigInteger Value(EconomyWorld world, BigInteger usdfReserve, BigInteger fshReserve) =>
        world.State.BalanceOf(Address, AssetId.Usdf).ToBigInteger() + world.State.BalanceOf(Address, AssetId.Fsh).ToBigInteger() * usdfReserve / fshReserve;
}
