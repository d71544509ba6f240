// RaftLedgerService: accepting other validators' header signatures on stored blocks.
using Fairshare.Core.Ledger.Blocks;

namespace Fairshare.Node.Cluster;

public sealed partial class RaftLedgerService
{
    /// <inheritdoc/>
    public SignatureAcceptance AddSignature(ulong height, BlockSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var block = _node.ReadBlock(height);
        if (block is null) return SignatureAcceptance.UnknownBlock;
        if (!Genesis.Validators.Contains(signature.Validator) || !signature.Verify(block.Header)) return SignatureAcceptance.BadSignature;
        _node.AddSignature(height, signature);
        return SignatureAcceptance.Ok;
    }
}
