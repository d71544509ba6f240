using System.Collections.Immutable;
using System.Net;
using Fairshare.Node.Chain;
using Fairshare.Node.Indexing;
using Microsoft.Extensions.Logging;

namespace Fairshare.Node.Cluster;

/// <summary>
/// How to run one validator of a Raft cluster (<see cref="RaftLedgerService"/>). A cluster of one member is the
/// embedded default: the same code, one member.
/// </summary>
/// <param name="Data">An initialized data directory (genesis listing every member's validator key, and this member's key).</param>
/// <param name="RaftEndpoint">Where this member listens for Raft traffic (TCP).</param>
/// <param name="ApiUrl">This member's HTTP API base URL (what others forward submissions to).</param>
/// <param name="Members">Every member, this one included.</param>
public sealed record RaftLedgerOptions(DataDirectory Data, IPEndPoint RaftEndpoint, string ApiUrl, ImmutableArray<ClusterMember> Members)
{
    /// <summary>
    /// The leader makes a block at least this often, an empty one too (the market's end-of-block step moves with the
    /// height), unless <see cref="SkipEmptyBlocks"/> leaves out the empty ones nobody waits for.
    /// </summary>
    public TimeSpan BlockTime { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Whether the leader leaves out empty blocks while nothing on the ledger waits for the height to move
    /// (<see cref="Core.Modules.BlockSchedule"/>: no active job, emission, jail, borrow, unbonding, commission change,
    /// open vote or vesting). A transaction still goes into a block within <see cref="BlockTime"/>, and an empty block is
    /// made at least every <see cref="IdleBlockInterval"/>. Off by default: a block every <see cref="BlockTime"/>.
    /// </summary>
    public bool SkipEmptyBlocks { get; init; }

    /// <summary>
    /// With <see cref="SkipEmptyBlocks"/>, the longest the leader goes without a block while idle, so followers and
    /// clients see the chain alive (60 s). Block-counted durations (heartbeat freshness among them) advance one block per
    /// interval while idle.
    /// </summary>
    public TimeSpan IdleBlockInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The most transactions in one block; the leader makes a block at once when its mempool holds this many.</summary>
    public int MaxBlockTransactions { get; init; } = 5000;

    /// <summary>The most transactions waiting in the leader's mempool; more are refused with <see cref="SubmitStatus.Busy"/>.</summary>
    public int MaxMempool { get; init; } = 200_000;

    /// <summary>Request a Raft snapshot (and store a state snapshot) every this many blocks.</summary>
    public ulong SnapshotInterval { get; init; } = 1000;

    /// <summary>
    /// Whether a member verifies every transaction signature of a committed block it did not propose (besides the
    /// proposer's block signature and re-executing every transaction). On by default, so a leader cannot commit a
    /// forged transaction: the member refuses the block and stops following. Each signature is checked once per member
    /// (the ids it verified at admission or in earlier blocks are remembered). Off only for measurements that trust
    /// the leader.
    /// </summary>
    public bool FollowersVerifyTransactionSignatures { get; init; } = true;

    /// <summary>The lower bound of the Raft election timeout (the upper bound is twice it); a leader's heartbeats come more often.</summary>
    public TimeSpan ElectionTimeout { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long the leader waits for a block to be committed by a majority before it gives the block up.</summary>
    public TimeSpan ReplicationTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The read-side index fed with every committed block (owned by the caller), or null.</summary>
    public IChainIndex? Index { get; init; }

    /// <summary>
    /// Asked for the passphrase of an encrypted node key (only when the key file is encrypted), or null: an encrypted
    /// key then refuses to open (<see cref="NodeKeyFile.LockedCode"/>) and nothing starts.
    /// </summary>
    public Func<string?>? NodeKeyPassphrase { get; init; }

    /// <summary>The clock of block timestamps and the block timer.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Logging for the service and the Raft library, or null.</summary>
    public ILoggerFactory? Logging { get; init; }
}
