using System.Numerics;
using Fairshare.Analytics.Attribution;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Reports;

/// <summary>One account of a <see cref="SyntheticEconomy"/>: its FSH balance (base units), genesis cohort and roles.</summary>
public readonly record struct SyntheticAccount(Address Address, BigInteger Balance, Cohort Cohort, AccountRole Roles);
