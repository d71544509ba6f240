namespace Fairshare.Node.Cluster;

/// <summary>What happened to a validator signature sent to this node.</summary>
public enum SignatureAcceptance
{
    /// <summary>Stored (or already held).</summary>
    Ok,

    /// <summary>This node has no block at that height yet.</summary>
    UnknownBlock,

    /// <summary>Not a validator of this chain, or not a valid signature of the stored header.</summary>
    BadSignature,
}
