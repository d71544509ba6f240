using System.Numerics;

namespace Fairshare.Core.Modules.Lending;

/// <summary>The outcome of <c>accrueInterest</c> (<c>defi-math.md</c> §3.5): the interest added to borrows and the market state after it.</summary>
public sealed record InterestAccrual(BigInteger InterestAccumulated, MarketInterest Market);
