namespace Fairshare.Core.Modules.StableSwap;

/// <summary>The protocol error names of Curve StableSwap (<c>defi-math.md</c> §6, §10.6); arithmetic failures use the
/// generic names of <see cref="Math.Checked"/>.</summary>
public static class StableSwapErrors
{
    /// <summary>A Newton iteration did not settle within 255 steps (Vyper <c>raise</c>, §6.1, §6.2).</summary>
    public const string NoConvergence = "NO_CONVERGENCE";

    /// <summary><c>get_y</c> was asked to trade a coin for itself (§6.2).</summary>
    public const string SameCoin = "SAME_COIN";

    /// <summary>A coin index outside [0, n), from an assert or a Vyper bounds check (§6.2, §10.6).</summary>
    public const string IndexOutOfRange = "INDEX_OUT_OF_RANGE";

    /// <summary>The result is worse than the caller's bound (min_dy, min_mint_amount, min_amounts, max_burn_amount, min_amount).</summary>
    public const string Slippage = "SLIPPAGE";

    /// <summary>The first deposit into an empty pool must hold every coin (§6.5).</summary>
    public const string InitialDepositRequiresAllCoins = "INITIAL_DEPOSIT_REQUIRES_ALL_COINS";

    /// <summary>A deposit did not raise the invariant D (§6.5).</summary>
    public const string InvariantNotIncreased = "INVARIANT_NOT_INCREASED";

    /// <summary>An imbalanced withdrawal would burn no LP tokens (§6.5).</summary>
    public const string ZeroTokensBurned = "ZERO_TOKENS_BURNED";
}
