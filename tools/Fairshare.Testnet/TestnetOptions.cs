namespace Fairshare.Testnet;

/// <summary>What <c>fairshare testnet up</c> starts.</summary>
/// <param name="Directory">The testnet's folder (created; must not hold a testnet already).</param>
/// <param name="Validators">Validator processes (one Raft cluster).</param>
/// <param name="Providers">Provider processes, spread round-robin over the validators.</param>
/// <param name="Clients">Client processes, each running the demo workload once.</param>
/// <param name="ClientJobs">Jobs each client submits.</param>
/// <param name="BlockTimeMs">The leader's block interval.</param>
/// <param name="MaxBlockTxs">The most transactions in one block (each node's <c>--max-block-txs</c>).</param>
/// <param name="Senders">Funded accounts <c>sender-1..N</c> (development keys) with no process: for load and fault tests.</param>
/// <param name="ClientDeadlineBlocks">Blocks each client job gives a provider from assignment to reveal (<c>client run --deadline-blocks</c>).</param>
/// <param name="RateLimit">Each node's API requests per second per client IP; 0 (the default here) turns it off, since every process of a local testnet shares 127.0.0.1.</param>
public sealed record TestnetOptions(string Directory, int Validators = 3, int Providers = 4, int Clients = 0, int ClientJobs = 10, int BlockTimeMs = 200, int RateLimit = 0, int Senders = 0, int MaxBlockTxs = 5000, int ClientDeadlineBlocks = 50)
{
    /// <summary>The testnet's chain id (development keys are named under it).</summary>
    public const string ChainId = "fairshare-testnet";

    /// <summary>Whether every validator leaves out empty blocks nobody waits for (<c>node start --skip-empty-blocks</c>).</summary>
    public bool SkipEmptyBlocks { get; init; }

    /// <summary>With <see cref="SkipEmptyBlocks"/>, each validator's <c>--idle-block-ms</c>; null: the node's default (60 s).</summary>
    public int? IdleBlockMs { get; init; }
}
