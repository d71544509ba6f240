using System.Numerics;

namespace Fairshare.Core.Modules.Lending;

/// <summary>A cToken market's interest state (<c>defi-math.md</c> §3.5): total borrows, total reserves and the 1e18-based borrow index.</summary>
public sealed record MarketInterest(BigInteger TotalBorrows, BigInteger TotalReserves, BigInteger BorrowIndex);
