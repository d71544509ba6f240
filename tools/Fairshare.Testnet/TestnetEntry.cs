namespace Fairshare.Testnet;

/// <summary>One running process of a testnet, as <c>testnet.json</c> records it.</summary>
/// <param name="Role">validator, provider or client.</param>
/// <param name="Name">Its name.</param>
/// <param name="Url">A validator's API URL; for others, the node it talks to.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="StartedAt">When it started (so a reused pid is never taken for it).</param>
/// <param name="Log">Its log file.</param>
/// <param name="Arguments">The fairshare arguments it was started with (to restart it by hand: <c>fairshare ARGS &gt;&gt; LOG</c>).</param>
public sealed record TestnetEntry(string Role, string Name, string Url, int Pid, DateTimeOffset StartedAt, string Log, IReadOnlyList<string>? Arguments = null);
