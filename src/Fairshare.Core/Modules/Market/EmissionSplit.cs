using System.Collections.Immutable;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>One epoch's provider emission, shared: <c>Paid.Sum() + ToTreasury</c> is exactly the pot.</summary>
/// <param name="Paid">What each provider gets, in the order of the work list given.</param>
/// <param name="ToTreasury">Rounding remainders and what no provider could take under the cap.</param>
public sealed record EmissionSplit(ImmutableArray<Amount> Paid, Amount ToTreasury);
