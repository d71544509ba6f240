using System.Numerics;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// An account's borrow in one market (<c>defi-math.md</c> §3.7, Compound's <c>BorrowSnapshot</c>): the principal as of the
/// last change, and the market's borrow index at that moment.
/// </summary>
public readonly record struct BorrowSnapshot(BigInteger Principal, BigInteger InterestIndex);
