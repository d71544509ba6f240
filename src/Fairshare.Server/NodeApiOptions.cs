using System.Collections.Immutable;
using Fairshare.Node.Blobs;
using Microsoft.Extensions.Logging;

namespace Fairshare.Server;

/// <summary>
/// How a node serves its HTTP API. Every default is safe for a validator on one machine: Kestrel listens on 127.0.0.1
/// only, bodies are bounded, and each client IP gets a token bucket of requests.
/// </summary>
/// <param name="ListenUrl">Where Kestrel listens, e.g. <c>http://127.0.0.1:7070</c>; port 0 picks a free port (read it with <see cref="NodeApi.BoundUrl"/> after start).</param>
/// <param name="MaxRequestBytes">The largest request body outside blob uploads (transactions, signatures), in bytes.</param>
/// <param name="MaxBlobBytes">The largest blob a <c>PUT /v1/blobs</c> accepts, in bytes.</param>
/// <param name="RateLimitPerSecond">Requests per second each client IP may make (a token bucket); 0 turns the limit off.</param>
/// <param name="RateLimitBurst">The bucket's size: how many requests a quiet client may send at once (at least the rate's refill step).</param>
/// <param name="SubmitWaitTimeout">How long <c>POST /v1/transactions</c> with <c>wait</c> waits for commitment before answering <c>Pending</c>.</param>
public sealed record NodeApiOptions(
    string ListenUrl = NodeApiOptions.DefaultListenUrl,
    long MaxRequestBytes = 8L * 1024 * 1024,
    long MaxBlobBytes = 256L * 1024 * 1024,
    int RateLimitPerSecond = 200,
    int RateLimitBurst = 400,
    TimeSpan? SubmitWaitTimeout = null)
{
    /// <summary>The default listen URL: loopback only.</summary>
    public const string DefaultListenUrl = "http://127.0.0.1:7070";

    /// <summary>
    /// The reverse proxies this node sits behind (addresses or CIDR networks). A request that comes from one of them is
    /// taken to be from the last address its <c>X-Forwarded-For</c> names, so each real client gets its own rate-limit
    /// bucket; from anywhere else the header is ignored (anyone can set it). Empty: no proxy is trusted.
    /// </summary>
    public ImmutableArray<System.Net.IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>
    /// Signature checks per second each client address may ask of this node (its bucket holds one largest batch); 0
    /// turns the budget off. Like the request rate limit, it is off when <see cref="RateLimitPerSecond"/> is 0, and
    /// requests a validator signed are not charged. The default, 5,000, is about a third of what one core verifies.
    /// </summary>
    public int SignatureChecksPerSecond { get; init; } = 5_000;

    /// <summary>The most transactions one <c>POST /v1/transactions</c> may carry.</summary>
    public int MaxTransactionsPerRequest { get; init; } = 50_000;

    /// <summary>
    /// The most Raft log entries a node may know are committed but not yet applied (<see cref="Node.Cluster.ClusterView.IndexLag"/>)
    /// and still answer 200 at <c>GET /health/ready</c>; one entry is about one block. Default 5.
    /// </summary>
    public long MaxReadyIndexLag { get; init; } = 5;

    /// <summary>
    /// The blob store's quota, and which blobs it keeps: what <c>PUT /v1/blobs</c> may fill (507 <c>blob_store_full</c>
    /// beyond it) and what the periodic pass evicts. Default: 10 GiB, closed jobs' blobs kept 10,000 blocks, uploads an hour.
    /// </summary>
    public BlobQuotaOptions Blobs { get; init; } = new();

    /// <summary>The genesis file's text served at <c>GET /v1/genesis</c>; null: the ledger's genesis written out again.</summary>
    public string? GenesisJson { get; init; }

    /// <summary>
    /// The loggers of the app (ASP.NET Core's own and the API's), e.g. the node process's JSON console logger; null:
    /// ASP.NET Core's console logger with <see cref="NodeApi.AddLogFilters"/>. A factory given here is used as it is
    /// (its filters apply) and is not disposed with the app.
    /// </summary>
    public ILoggerFactory? Logging { get; init; }

    /// <summary>The wait timeout in force (<see cref="SubmitWaitTimeout"/> or 10 s).</summary>
    public TimeSpan WaitTimeout => SubmitWaitTimeout ?? TimeSpan.FromSeconds(10);
}
