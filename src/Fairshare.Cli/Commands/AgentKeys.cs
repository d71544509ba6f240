using System.CommandLine;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Agents.Remote;
using Fairshare.Client;
using Fairshare.Core.Crypto;

namespace Fairshare.Cli.Commands;

/// <summary>
/// How a provider or client process names its key: <c>--key NAME</c> from the local wallet (<c>--data</c>), or
/// <c>--dev-key NAME</c> for the public development key <c>KeyPair.ForDevelopment(chainId + "/" + NAME)</c> that local
/// networks and <c>fairshare testnet</c> fund (the chain id comes from the node).
/// </summary>
public static class AgentKeys
{
    /// <summary>The <c>--key</c> option.</summary>
    public static Option<string?> KeyOption() => new("--key") { Description = "the agent's key name in the local wallet (--data)" };

    /// <summary>The <c>--dev-key</c> option.</summary>
    public static Option<string?> DevKeyOption() =>
        new("--dev-key") { Description = "a development key of the node's chain, by name (e.g. provider-1 on a testnet); public seed, local chains only" };

    /// <summary>
    /// The node an agent process talks to: the global <c>--node URL</c> (or <c>$FAIRSHARE_NODE</c>, or the node running
    /// on <c>--data</c>); agents have no local chain to fall back to.
    /// </summary>
    public static Uri NodeUrl(CliContext context) =>
        ChainAccess.RemoteUrl(context)
        ?? throw new CliUsageException("give the node's API base URL with --node URL (e.g. http://127.0.0.1:7070) or $FAIRSHARE_NODE");

    /// <summary>The <c>--fallback-node</c> option.</summary>
    public static Option<string[]> FallbackNodeOption() => new("--fallback-node")
    {
        Description = "another validator of the same chain (its API base URL; repeatable), used when the one in use cannot be reached",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>
    /// The gateway an agent's loop uses: <paramref name="primary"/> alone, or with <paramref name="fallbacks"/> a
    /// <see cref="FailoverGateway"/> over all of them (their SDK clients go into <paramref name="owned"/> for the caller
    /// to dispose).
    /// </summary>
    public static INodeGateway WithFallbacks(HttpNodeGateway primary, string[]? fallbacks, Action<string> log, List<IDisposable> owned)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(owned);
        if (fallbacks is null || fallbacks.Length == 0) return primary;
        var members = new List<INodeGateway> { primary };
        var names = new List<string> { primary.Api.BaseUrl.ToString() };
        foreach (var text in fallbacks)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                throw new CliUsageException($"--fallback-node '{text}' is not an http(s) URL, e.g. http://127.0.0.1:7080");
            var client = new FairshareClient(CliApp.AsBase(url));
            owned.Add(client);
            members.Add(new HttpNodeGateway(client));
            names.Add(client.BaseUrl.ToString());
        }

        return new FailoverGateway(members, names, log);
    }

    /// <summary>The <c>--wait-s</c> option.</summary>
    public static Option<int> WaitOption() =>
        new("--wait-s") { Description = "how long to wait for the node to answer at start", DefaultValueFactory = _ => 30 };

    /// <summary>
    /// Waits until the node answers (a node that is starting, or briefly away); throws the last
    /// <see cref="GatewayException"/> when it has not answered within <paramref name="timeout"/>.
    /// </summary>
    public static void WaitForNode(HttpNodeGateway node, TimeSpan timeout, Action<string> log, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        bool logged = false;
        GatewayException? last = null;
        // Any gateway error while the node starts is worth another try, on the shared backoff, until the timeout.
        var retry = NodeRetry.Create(NodeRetryOptions.Forever with { ShouldRetry = e => e is GatewayException }, (e, _, _) =>
        {
            last = (GatewayException)e;
            if (!logged) log($"waiting for the node at {node.Api.BaseUrl} ({last.Code}) ...");
            logged = true;
        });
        try
        {
            retry.ExecuteAsync(async token => await node.HeightAsync(token).ConfigureAwait(false), limit.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && last is not null)
        {
            throw last;
        }
    }

    /// <summary>Unlocks the key named by exactly one of the two options.</summary>
    public static KeyPair Resolve(CliContext context, HttpNodeGateway node, string? key, string? devKey, CancellationToken ct)
    {
        if ((key is null) == (devKey is null)) throw new CliUsageException("give exactly one of --key NAME and --dev-key NAME");
        if (key is not null) return Wallet.Unlock(context, key);
        string chainId = node.ChainIdAsync(ct).GetAwaiter().GetResult();
        return KeyPair.ForDevelopment(chainId + "/" + devKey);
    }
}
