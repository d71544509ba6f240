using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Reports;

/// <summary>One account's balance of an asset, base units.</summary>
public readonly record struct AccountBalance(Address Account, BigInteger Balance);
