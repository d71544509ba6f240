using System.Collections.Immutable;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.Blocks;

/// <summary>The outcome of applying a block: a code, and on success its receipts.</summary>
public sealed record AppliedBlock(ResultCode Code, ImmutableArray<Receipt> Receipts, int FailedTransactionIndex = -1)
{
    /// <summary>True when the block was valid and is now applied.</summary>
    public bool IsOk => Code == ResultCode.Ok;
}
