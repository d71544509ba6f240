using Fairshare.Core.Primitives;

namespace Fairshare.Node.Chain;

/// <summary>The result of replaying a chain from genesis.</summary>
/// <param name="BlocksChecked">Blocks replayed successfully.</param>
/// <param name="TransactionsChecked">Transactions whose signatures and effects were checked.</param>
/// <param name="Head">The state root after the last good block.</param>
/// <param name="FailedHeight">The first bad block, or null when all were good.</param>
/// <param name="Failure">What was wrong with it.</param>
public sealed record ChainVerification(ulong BlocksChecked, long TransactionsChecked, Hash32 Head, ulong? FailedHeight, string? Failure)
{
    /// <summary>True when every block replayed.</summary>
    public bool IsOk => FailedHeight is null;
}
