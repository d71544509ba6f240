namespace Fairshare.Node.Cluster;

/// <summary>Whether a submission was taken by this node.</summary>
public enum SubmitStatus
{
    /// <summary>This node leads and took the transactions; see the outcomes.</summary>
    Accepted,

    /// <summary>This node does not lead: forward to the leader (null URL: no leader known now, retry shortly).</summary>
    NotLeader,

    /// <summary>The mempool is full: retry later.</summary>
    Busy,
}
