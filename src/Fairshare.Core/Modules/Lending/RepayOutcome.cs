using System.Numerics;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// The outcome of a repay (<c>defi-math.md</c> §3.8): the amount actually repaid, the account's new snapshot and the
/// market's new total borrows.
/// </summary>
public readonly record struct RepayOutcome(BigInteger ActualRepayAmount, BorrowSnapshot Account, BigInteger TotalBorrows);
