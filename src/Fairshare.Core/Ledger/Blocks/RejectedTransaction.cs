using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Blocks;

/// <summary>A candidate transaction left out of a block, and why.</summary>
public sealed record RejectedTransaction(SignedTransaction Transaction, ResultCode Code);
