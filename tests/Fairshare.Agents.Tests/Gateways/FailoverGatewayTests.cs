using Fairshare.Agents.Remote;
using Fairshare.Client;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;
using Fairshare.Testing;

namespace Fairshare.Agents.Tests.Gateways;

/// <summary>
/// A provider's list of validators: a validator that cannot be reached hands the call to the next, which then stays in
/// use; a refusal is an answer, not a reason to ask elsewhere; when every one is away the caller hears so.
/// </summary>
public sealed class FailoverGatewayTests
{
    [Fact]
    public async Task AValidatorThatCannotBeReached_HandsTheCallToTheNext_WhichStaysInUse()
    {
        var log = new List<string>();
        var down = new Scripted("down", () => throw new GatewayException("unreachable", "connection refused"));
        var up = new Scripted("up", () => 42UL);
        var gateway = new FailoverGateway([down, up], ["a", "b"], log.Add);

        Assert.Equal(42UL, await gateway.HeightAsync(CancellationToken.None));
        Assert.Equal(42UL, await gateway.HeightAsync(CancellationToken.None));

        Assert.Equal((1, 2), (down.Calls, up.Calls));
        Assert.Equal("b", gateway.Current);
        Assert.Equal(["now using validator b (a could not be reached)"], log);
    }

    [Fact]
    public async Task ARefusal_IsTheAnswer_AndNoOtherValidatorIsAsked()
    {
        var refusing = new Scripted("refusing", () => throw new GatewayException("blob_too_large", "over the limit"));
        var other = new Scripted("other", () => 1UL);
        var gateway = new FailoverGateway([refusing, other], ["a", "b"]);

        var error = await Assert.ThrowsAsync<GatewayException>(() => gateway.HeightAsync(CancellationToken.None));

        Assert.Equal("blob_too_large", error.Code);
        Assert.Equal((1, 0), (refusing.Calls, other.Calls));
    }

    [Fact]
    public async Task WhenEveryValidatorIsAway_TheCallerHearsTheLastError_AfterEachWasTriedOnce()
    {
        var a = new Scripted("a", () => throw new GatewayException("unreachable", "a is down"));
        var b = new Scripted("b", () => throw new GatewayException("no_leader", "b is electing"));
        var gateway = new FailoverGateway([a, b], ["a", "b"]);

        var error = await Assert.ThrowsAsync<GatewayException>(() => gateway.HeightAsync(CancellationToken.None));

        Assert.Equal("no_leader", error.Code);
        Assert.Equal((1, 1), (a.Calls, b.Calls));
    }

    [Fact]
    public async Task OverHttp_ADeadValidatorFirst_TheLiveOneAnswersWithItsVerifiedState()
    {
        await using var node = await HttpNode.StartAsync(TestChain.CreateGenesis());
        using var dead = new FairshareClient(new Uri("http://127.0.0.1:1/"));
        using var live = new FairshareClient(node.Url);
        var gateway = new FailoverGateway([new HttpNodeGateway(dead), new HttpNodeGateway(live)], ["dead", "live"]);

        var state = await gateway.StateAsync(CancellationToken.None);

        Assert.Equal(TestChain.Id, state.ChainId);
        Assert.Equal("live", gateway.Current);
    }

    /// <summary>A gateway whose height call runs a script; nothing else is called in these tests.</summary>
    private sealed class Scripted(string name, Func<ulong> height) : INodeGateway
    {
        public int Calls { get; private set; }

        public override string ToString() => name;

        public Task<ulong> HeightAsync(CancellationToken ct)
        {
            Calls++;
            return Task.FromResult(height());
        }

        public Task<LedgerState> StateAsync(CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<SubmittedTransaction>> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait, CancellationToken ct) =>
            throw new NotSupportedException();

        public Task<byte[]?> GetBlobAsync(Hash32 address, CancellationToken ct) => throw new NotSupportedException();

        public Task<Hash32> PutBlobAsync(byte[] content, CancellationToken ct) => throw new NotSupportedException();
    }
}
