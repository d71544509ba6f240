using System.Numerics;

namespace Fairshare.Core.Modules.Lending;

/// <summary>The outcome of a borrow (<c>defi-math.md</c> §3.8): the account's new snapshot and the market's new total borrows.</summary>
public readonly record struct BorrowOutcome(BorrowSnapshot Account, BigInteger TotalBorrows);
