using Fairshare.Agents.Remote;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Agents.Tests.Gateways;

/// <summary>
/// What every <see cref="INodeGateway"/> promises the agents, run against each implementation: the committed state and
/// height move together, submissions come back committed or refused with the chain's code (and a refusal changes
/// nothing), blobs round-trip by content address, and a node that cannot be reached is a <see cref="GatewayException"/>.
/// </summary>
public abstract class GatewayContract : IAsyncLifetime
{
    /// <summary>A funded key of the test chain (<see cref="TestChain"/>).</summary>
    protected static KeyPair Sender { get; } = KeyPair.ForDevelopment("alice");

    /// <summary>The gateway under test.</summary>
    protected INodeGateway Gateway { get; private set; } = null!;

    /// <summary>Starts a node on the test chain's genesis and returns the gateway to it.</summary>
    protected abstract Task<INodeGateway> StartAsync();

    /// <summary>Makes the node unreachable (a stopped server, a simulated outage).</summary>
    protected abstract Task MakeUnreachableAsync();

    /// <summary>Stops everything.</summary>
    protected abstract Task StopAsync();

    public async Task InitializeAsync() => Gateway = await StartAsync();

    public Task DisposeAsync() => StopAsync();

    [Fact]
    public async Task ACommittedTransfer_MovesTheHeight_AndShowsInTheState()
    {
        var before = await Gateway.StateAsync(CancellationToken.None);
        var bob = KeyPair.ForDevelopment("gateway-contract/bob").Address;

        var outcome = (await Gateway.SubmitAsync([Transfer(before, nonceOffset: 0, amount: 1234)], wait: true, CancellationToken.None)).Single();

        Assert.Equal(ResultCode.Ok, outcome.Code);
        Assert.False(outcome.IsPending);
        Assert.NotNull(outcome.Height);
        Assert.True(await Gateway.HeightAsync(CancellationToken.None) >= outcome.Height);
        var after = await Gateway.StateAsync(CancellationToken.None);
        Assert.True(after.Head.Height >= outcome.Height!.Value);
        Assert.Equal(new Amount(1234), after.BalanceOf(bob, AssetId.Fsh));
        Assert.Equal(before.Find(Sender.Address)!.Nonce + 1, after.Find(Sender.Address)!.Nonce);
    }

    [Fact]
    public async Task ARefusedTransaction_ComesBackWithItsCode_AndChangesNothing()
    {
        var before = await Gateway.StateAsync(CancellationToken.None);

        var outcome = (await Gateway.SubmitAsync([Transfer(before, nonceOffset: 5, amount: 1)], wait: true, CancellationToken.None)).Single();

        Assert.Equal(ResultCode.NonceGap, outcome.Code);
        var after = await Gateway.StateAsync(CancellationToken.None);
        Assert.Equal(before.Find(Sender.Address)!.Nonce, after.Find(Sender.Address)!.Nonce);
        Assert.Equal(before.BalanceOf(Sender.Address, AssetId.Fsh), after.BalanceOf(Sender.Address, AssetId.Fsh));
    }

    [Fact]
    public async Task Blobs_RoundTripByContentAddress_AndAnUnknownOneIsNull()
    {
        byte[] content = [.. Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7))];

        var address = await Gateway.PutBlobAsync(content, CancellationToken.None);

        Assert.Equal(Hash32.Compute(content), address);
        Assert.Equal(content, await Gateway.GetBlobAsync(address, CancellationToken.None));
        Assert.Null(await Gateway.GetBlobAsync(Hash32.Compute("never stored"u8), CancellationToken.None));
    }

    [Fact]
    public async Task AnUnreachableNode_IsAGatewayException()
    {
        await MakeUnreachableAsync();

        var error = await Assert.ThrowsAsync<GatewayException>(() => Gateway.HeightAsync(CancellationToken.None));

        Assert.Equal("unreachable", error.Code);
        await Assert.ThrowsAsync<GatewayException>(() => Gateway.StateAsync(CancellationToken.None));
    }

    private static SignedTransaction Transfer(Core.Ledger.State.LedgerState state, ulong nonceOffset, ulong amount)
    {
        var bob = KeyPair.ForDevelopment("gateway-contract/bob").Address;
        ulong nonce = (state.Find(Sender.Address)?.Nonce ?? 0) + nonceOffset;
        return SignedTransaction.Sign(new Transaction(state.ChainId, nonce, state.Params.MinFee, new TransferPayload(bob, AssetId.Fsh, new Amount(amount))), Sender);
    }
}
