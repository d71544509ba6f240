using Fairshare.Core.Primitives;
using Fairshare.Server.Tests.Support;

namespace Fairshare.Server.Tests;

/// <summary>A node on the repository's example genesis (genesis/uni-like.json) serves it, its allocations, and empty module views.</summary>
public sealed class ExampleGenesisTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() =>
        _node = await TestNode.StartAsync(genesisJson: File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "uni-like.json")));

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task ExampleGenesis_IsServedWithItsAllocationsAndNoModuleStateYet()
    {
        var client = _node.Client;

        Assert.Equal(_node.GenesisJson, await client.GetGenesisJsonAsync());
        var status = await client.GetStatusAsync();
        Assert.Equal(("fairshare-local-1", 0UL), (status.ChainId, status.Height));
        var alice = await client.GetAccountAsync(Address.Parse("fs1e3d9629f50b1f944f0a495f1301dc3f636f51483a4bf7a2b"));
        Assert.Equal(("Airdrop", "1000000000000000000000"), (alice.Cohort, alice.Balances["FSH"]));
        Assert.Empty(await client.GetPoolsAsync());
        Assert.Empty(await client.GetProposalsAsync());
        Assert.Empty(await client.GetOffersAsync());
        Assert.Empty(await client.GetJobsAsync());
        Assert.Empty(await client.GetLendingMarketsAsync());
        Assert.Empty(await client.GetStakePoolsAsync());
        var state = await client.GetStateAsync();
        Assert.Null(state.Block);
        Assert.Equal(status.StateRoot, state.State.ComputeRoot().ToString());
    }
}
