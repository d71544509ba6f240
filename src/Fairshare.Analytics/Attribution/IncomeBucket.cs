using System.Collections.Immutable;
using System.Numerics;

namespace Fairshare.Analytics.Attribution;

/// <summary>
/// Income over one range of blocks: per group, and the Gini coefficient of every earning account's cumulative income
/// up to the bucket's end (null while no account has earned).
/// </summary>
/// <param name="FromHeight">First block of the bucket.</param>
/// <param name="ToHeight">Last block of the bucket.</param>
/// <param name="ByGroup">Income in the bucket per group (base units), groups with none left out.</param>
/// <param name="CumulativeGini">Gini of cumulative income per earning account at <paramref name="ToHeight"/>.</param>
/// <param name="Earners">Accounts with some income up to <paramref name="ToHeight"/>.</param>
public sealed record IncomeBucket(ulong FromHeight, ulong ToHeight, ImmutableSortedDictionary<string, BigInteger> ByGroup, double? CumulativeGini, int Earners);
