namespace Fairshare.Core.Ledger.Blocks;

/// <summary>Which signatures <see cref="BlockExecutor.Apply"/> verifies.</summary>
public enum SignatureChecks : byte
{
    /// <summary>Every transaction signature and every validator signature (followers, verify-chain).</summary>
    All = 0,

    /// <summary>Only validator signatures: transactions were verified when they were first accepted (local replay).</summary>
    BlockOnly = 1,
}
