using System.Net;

namespace Fairshare.Node.Cluster;

/// <summary>One validator of a cluster: its Raft endpoint (TCP) and its HTTP API base URL.</summary>
public sealed record ClusterMember(IPEndPoint Raft, string ApiUrl);
