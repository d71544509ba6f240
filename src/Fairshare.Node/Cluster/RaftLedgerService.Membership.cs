// RaftLedgerService: Raft configuration and membership (joining the cluster, leader discovery, the running-node note).
using System.Net;
using DotNext.Net.Cluster;
using DotNext.Net.Cluster.Consensus.Raft;
using DotNext.Net.Cluster.Consensus.Raft.Membership;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;
using Fairshare.Node.Chain;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fairshare.Node.Cluster;

public sealed partial class RaftLedgerService
{
    /// <inheritdoc/>
    public ClusterView Cluster
    {
        get
        {
            var cluster = _cluster;
            if (cluster is null || Volatile.Read(ref _disposed) != 0) return new ClusterView("follower", 0, null, _options.ApiUrl, _memberUrls);
            bool leading = !cluster.LeadershipToken.IsCancellationRequested;
            var leader = cluster.Leader;
            string? leaderUrl = leading ? _options.ApiUrl : leader is null ? null : ApiUrlOf(leader.EndPoint);
            string role = leading ? "leader" : leader is null ? "candidate" : "follower";
            return new ClusterView(role, cluster.Term, leaderUrl, _options.ApiUrl, _memberUrls) { IndexLag = IndexLag() };
        }
    }

    /// <summary>Committed log entries not yet applied to the state (never negative), or null before the log is open.</summary>
    private long? IndexLag() => _wal is { } wal ? Math.Max(0, wal.LastCommittedEntryIndex - wal.LastAppliedIndex) : null;

    private bool IsLeader => Volatile.Read(ref _disposed) == 0 && _cluster is { } cluster && !cluster.LeadershipToken.IsCancellationRequested;

    private async Task StartClusterAsync(CancellationToken ct)
    {
        CatchUpIndex();
        RememberRecentCommits();
        var raft = _options.Data.RaftPath;
        Directory.CreateDirectory(raft);
        _stateMachine = new LedgerStateMachine(new DirectoryInfo(Path.Combine(raft, "snapshots")), this);
        await _stateMachine.RestoreAsync(ct).ConfigureAwait(false);
        _wal = new WriteAheadLog(new WriteAheadLog.Options { Location = Path.Combine(raft, "wal") }, _stateMachine);
        int lower = (int)_options.ElectionTimeout.TotalMilliseconds;
        var config = new RaftCluster.TcpConfiguration(_options.RaftEndpoint)
        {
            RequestTimeout = TimeSpan.FromMilliseconds(lower * 2),
            LowerElectionTimeout = lower,
            UpperElectionTimeout = lower * 2,
            TransmissionBlockSize = 65536,
            ColdStart = false,
            ConfigurationStorage = null!,
            LoggerFactory = _options.Logging ?? NullLoggerFactory.Instance,
        };
        var builder = ((InMemoryClusterConfigurationStorage<EndPoint>)config.ConfigurationStorage).CreateInitialConfigurationBuilder();
        foreach (var member in _options.Members) builder.Add(member.Raft);
        builder.Build();
        _cluster = new RaftCluster(config) { AuditTrail = _wal };
        foreach (var member in _options.Members)
            _log.LogMember(member.Raft.ToString(), member.ApiUrl, member.Raft.Equals(_options.RaftEndpoint) ? "this validator" : "a peer");
        _cluster.LeaderChanged += OnLeaderChanged;
        await _cluster.StartAsync(ct).ConfigureAwait(false);
        foreach (var peer in _cluster.Members.Where(m => m.IsRemote)) peer.MemberStatusChanged += OnPeerStatusChanged;
        _leading = Task.Run(() => LeadWhileElectedAsync(_stop.Token), CancellationToken.None);
        new RunningNode(Environment.ProcessId, _options.ApiUrl).Write(_options.Data);
    }

    private void OnLeaderChanged(ICluster cluster, IClusterMember? leader)
    {
        if (Volatile.Read(ref _disposed) != 0) return; // stopping: no election is under way
        long term = _cluster?.Term ?? 0;
        if (leader is null) _log.LogNoLeader(term);
        else _log.LogLeaderChanged(leader.EndPoint.ToString() ?? "?", ApiUrlOf(leader.EndPoint), term);
    }

    private void OnPeerStatusChanged(ClusterMemberStatusChangedEventArgs change)
    {
        var endpoint = change.Member.EndPoint;
        if (change.NewStatus == ClusterMemberStatus.Available) _log.LogPeerAvailable(endpoint.ToString() ?? "?", ApiUrlOf(endpoint));
        else if (change.NewStatus == ClusterMemberStatus.Unavailable) _log.LogPeerUnavailable(endpoint.ToString() ?? "?", ApiUrlOf(endpoint));
    }

    private string? ApiUrlOf(EndPoint? endpoint) =>
        endpoint is null ? null : _options.Members.FirstOrDefault(m => m.Raft.Equals(endpoint))?.ApiUrl;
}
