using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>
/// Linear vesting with a cliff, counted in blocks: nothing before <c>Start + Cliff</c>,
/// everything from <c>Start + Duration</c>, and <c>Total × (h − Start) / Duration</c> (floor) between.
/// </summary>
public sealed record VestingSchedule(Amount Total, Amount Claimed, ulong StartHeight, ulong CliffBlocks, ulong DurationBlocks)
{
    /// <summary>The amount vested at a height.</summary>
    public Amount VestedAt(ulong height)
    {
        if (height < StartHeight || height - StartHeight < CliffBlocks) return Amount.Zero;
        ulong elapsed = height - StartHeight;
        if (elapsed >= DurationBlocks) return Total;
        // Total ≤ supply < 2^256 and elapsed < 2^64: the product can overflow only for absurd totals; treat that as a bug.
        return Total * new Amount(elapsed) / new Amount(DurationBlocks);
    }

    /// <summary>Vested and not yet claimed at a height.</summary>
    public Amount ClaimableAt(ulong height) => VestedAt(height) - Claimed;
}
