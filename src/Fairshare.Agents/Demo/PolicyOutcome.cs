using System.Collections.Immutable;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Demo;

/// <summary>A demo run under one matching policy.</summary>
/// <param name="Policy">The matching policy's name.</param>
/// <param name="Blocks">Blocks made.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Submitted">Jobs the clients submitted.</param>
/// <param name="Settled">Jobs settled with a verified output.</param>
/// <param name="Failed">Jobs that failed (refunded).</param>
/// <param name="Disputed">Jobs that went to arbiters.</param>
/// <param name="OutputsCorrect">Settled jobs whose accepted output is within tolerance of the client's own run.</param>
/// <param name="Providers">Each provider's outcome, in setup order.</param>
/// <param name="Flows">FSH moved, by flow tag (burns under <see cref="FlowTag.ProtocolFee"/> are in <paramref name="Burned"/>).</param>
/// <param name="Burned">FSH burned by the protocol fee.</param>
/// <param name="ClientEscrow">FSH the clients locked in escrow.</param>
/// <param name="ClientSpend">FSH the clients paid (escrow − refunds).</param>
public sealed record PolicyOutcome(
    string Policy, ulong Blocks, TimeSpan Elapsed, int Submitted, int Settled, int Failed, int Disputed, int OutputsCorrect,
    ImmutableArray<ProviderOutcome> Providers, ImmutableSortedDictionary<FlowTag, Amount> Flows, Amount Burned, Amount ClientEscrow, Amount ClientSpend);
