using Fairshare.Agents.Remote;
using Fairshare.Agents.Tests.Gateways;
using Fairshare.Client;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Agents.Tests.Jobs;

/// <summary>
/// A real validator over HTTP with one registered CPU provider (offer only: no agent runs its jobs) at 0.01 FSH per
/// work unit, heartbeats that never time out, and job limits of 1 MiB for models and inputs, for the SDK's checks.
/// Clients are the test chain's alice and bob.
/// </summary>
public sealed class JobNode : IAsyncLifetime
{
    /// <summary>The provider's price: 0.01 FSH per work unit.</summary>
    public static readonly Amount Price = Units.OneFsh / new Amount(100);

    /// <summary>The governed largest model and input.</summary>
    public const ulong Limit = 1UL << 20;

    private HttpNode? _node;
    private FairshareClient? _client;

    /// <summary>The gateway to the node.</summary>
    public HttpNodeGateway Gateway { get; private set; } = null!;

    /// <summary>The validator behind it.</summary>
    public HttpNode Node => _node!;

    /// <summary>The provider's key.</summary>
    public KeyPair Provider { get; } = KeyPair.ForDevelopment("job-node/provider");

    public async Task InitializeAsync()
    {
        var genesis = TestChain.CreateGenesis();
        genesis = genesis with
        {
            Allocations = genesis.Allocations.Add(new GenesisAllocation(Provider.Address, Cohort.Providers, "provider", TestChain.StartingBalance, null)),
            Parameters =
            [
                new GenesisParameter("market.heartbeat-timeout-blocks", new Amount(1_000_000)),
                new GenesisParameter("market.max-model-bytes", new Amount(Limit)),
                new GenesisParameter("market.max-input-bytes", new Amount(Limit)),
            ],
        };
        _node = await HttpNode.StartAsync(genesis);
        _client = new FairshareClient(_node.Url, TimeSpan.FromSeconds(30));
        Gateway = new HttpNodeGateway(_client);
        await SendAsync(Provider, new StakeSelfBondPayload(new Amount(200) * Units.OneFsh, 1_000));
        await SendAsync(Provider, new MarketRegisterPayload(new ProviderOffer(DeviceClass.Cpu, 8192, 1_000, Price, 4, "test", 100, 50, "test provider")));
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_node is not null) await _node.DisposeAsync();
    }

    /// <summary>The committed state.</summary>
    public Task<LedgerState> StateAsync() => Gateway.StateAsync(CancellationToken.None);

    /// <summary>Signs with the sender's next nonce and commits; the outcome must be Ok.</summary>
    public async Task SendAsync(KeyPair sender, TxPayload payload)
    {
        var state = await StateAsync();
        var tx = SignedTransaction.Sign(new Transaction(state.ChainId, state.Find(sender.Address)?.Nonce ?? 0, state.Params.MinFee, payload), sender);
        var outcome = (await Gateway.SubmitAsync([tx], wait: true, CancellationToken.None)).Single();
        Assert.Equal(ResultCode.Ok, outcome.Code);
    }
}
