using Fairshare.Agents.Remote;
using Fairshare.Client;

namespace Fairshare.Agents.Tests.Gateways;

/// <summary>
/// The gateway contract over HTTP (<see cref="HttpNodeGateway"/>): a real validator (a Raft cluster of one, as
/// <c>fairshare node start</c> runs it) behind the node's real API on 127.0.0.1.
/// </summary>
public sealed class HttpGatewayContractTests : GatewayContract
{
    private HttpNode? _node;
    private FairshareClient? _client;

    protected override async Task<INodeGateway> StartAsync()
    {
        _node = await HttpNode.StartAsync(Fairshare.Testing.TestChain.CreateGenesis());
        _client = new FairshareClient(_node.Url, TimeSpan.FromSeconds(10));
        return new HttpNodeGateway(_client);
    }

    protected override async Task MakeUnreachableAsync() => await _node!.StopServingAsync();

    protected override async Task StopAsync()
    {
        _client?.Dispose();
        if (_node is not null) await _node.DisposeAsync();
    }
}
