using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Demo;

/// <summary>One provider at the end of a demo run: what it offered, what it did and what the chain decided.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Role">honest, cheats 25 %, slow, …</param>
/// <param name="PricePerWorkUnit">Its offered price (FSH base units per work unit).</param>
/// <param name="JobsRun">Slots it ran (its own count).</param>
/// <param name="Cheats">Slots it returned a wrong output on, on purpose.</param>
/// <param name="Verified">Slots the chain verified and paid.</param>
/// <param name="Faults">Slots the chain found wrong (caught cheats).</param>
/// <param name="Missed">Slots that missed their deadline.</param>
/// <param name="Slashed">FSH taken from its stake.</param>
/// <param name="Income">FSH it received for work: its job payments, by the one rule of <see cref="Core.Ledger.ProviderIncome"/>.</param>
/// <param name="ReputationPpm">Its reputation at the end.</param>
/// <param name="Jailed">Whether it is jailed at the end.</param>
public sealed record ProviderOutcome(
    string Name, string Role, Amount PricePerWorkUnit, long JobsRun, long Cheats, ulong Verified, ulong Faults, ulong Missed,
    Amount Slashed, Amount Income, ulong ReputationPpm, bool Jailed);
