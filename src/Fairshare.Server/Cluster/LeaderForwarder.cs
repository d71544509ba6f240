using System.Collections.Concurrent;
using Fairshare.Client;
using Fairshare.Node.Cluster;

namespace Fairshare.Server.Cluster;

/// <summary>
/// SDK clients of the other members, one per API base URL, reused across requests. Requests they send carry
/// <see cref="ForwardedHeader"/> (the sender's own API URL), so a member that receives a forwarded submission while not
/// leading answers <c>no_leader</c> instead of forwarding it again; and they are signed with this validator's key
/// (<see cref="MemberRequest"/>), which is what lets the rate limit leave member traffic alone: the bare header proves nothing.
/// </summary>
internal sealed class LeaderForwarder(ILedgerService ledger, TimeSpan timeout) : IDisposable
{
    /// <summary>The header on member-to-member requests.</summary>
    public const string ForwardedHeader = "X-Fairshare-Forwarded-By";

    private readonly ConcurrentDictionary<string, FairshareClient> _clients = new(StringComparer.Ordinal);

    /// <summary>The client of the member at <paramref name="apiUrl"/>.</summary>
    public FairshareClient For(string apiUrl) => _clients.GetOrAdd(apiUrl, url =>
    {
        var http = new HttpClient(new MemberSigningHandler(ledger)) { BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/"), Timeout = timeout };
        http.DefaultRequestHeaders.Add(ForwardedHeader, ledger.Cluster.SelfApiUrl);
        return new FairshareClient(http, ownsHttp: true);
    });

    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
        _clients.Clear();
    }
}
