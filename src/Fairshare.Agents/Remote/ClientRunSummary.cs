using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Remote;

/// <summary>How a client process's jobs ended, and what they cost (FSH in base units).</summary>
/// <param name="Jobs">Jobs planned (and submitted).</param>
/// <param name="Settled">Jobs settled with a verified output.</param>
/// <param name="Failed">Jobs that failed (their unspent escrow refunded).</param>
/// <param name="Cancelled">Jobs cancelled.</param>
/// <param name="Open">Jobs not ended when the run stopped (0 after a complete run).</param>
/// <param name="Locked">Escrow locked at submission.</param>
/// <param name="Spent">Escrow paid out for work (protocol fee included).</param>
/// <param name="Refunded">Escrow returned to the client.</param>
/// <param name="Height">The chain's height when the run stopped.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record ClientRunSummary(
    int Jobs, int Settled, int Failed, int Cancelled, int Open, Amount Locked, Amount Spent, Amount Refunded, ulong Height, TimeSpan Elapsed)
{
    /// <summary>Whether every job ended settled.</summary>
    public bool AllSettled => Jobs > 0 && Settled == Jobs;
}
