using System.Numerics;

namespace Fairshare.Analytics.Attribution;

/// <summary>What one group holds of an asset: accounts, base units, and share of the total.</summary>
public sealed record GroupHolding(string Group, int Accounts, BigInteger Amount, double Share);
