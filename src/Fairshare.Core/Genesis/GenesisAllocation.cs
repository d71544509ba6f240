using Fairshare.Core.Primitives;

namespace Fairshare.Core.Genesis;

/// <summary>FSH given to an address at genesis, tagged with its cohort, optionally vesting.</summary>
public sealed record GenesisAllocation(Address Address, Cohort Cohort, string Label, Amount Amount, GenesisVesting? Vesting);
