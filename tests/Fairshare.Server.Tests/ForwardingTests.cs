using Fairshare.Client;
using Fairshare.Server.Cluster;
using Fairshare.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Fairshare.Server.Tests;

/// <summary>
/// A follower's API forwards submissions to the leader's API with the SDK, says <c>no_leader</c> when it knows none,
/// and never forwards a forwarded request again. The leader sends its block signatures to the other members.
/// </summary>
public sealed class ForwardingTests : IAsyncLifetime
{
    private TestNode _leader = null!;
    private FollowerLedger _followerLedger = null!;
    private WebApplication _follower = null!;
    private FairshareClient _followerClient = null!;
    private Uri _followerUrl = null!;

    public async Task InitializeAsync()
    {
        _leader = await TestNode.StartAsync();
        _followerLedger = new FollowerLedger(_leader.Ledger) { LeaderApiUrl = _leader.Ledger.SelfApiUrl };
        _follower = NodeApi.Build(new NodeApiOptions("http://127.0.0.1:0"), _followerLedger, null);
        await _follower.StartAsync();
        _followerUrl = NodeApi.BoundUrl(_follower);
        _followerClient = new FairshareClient(_followerUrl);
    }

    public async Task DisposeAsync()
    {
        _followerClient.Dispose();
        await _follower.DisposeAsync();
        await _leader.DisposeAsync();
    }

    [Fact]
    public async Task SubmitToAFollower_IsCommittedByTheLeader()
    {
        var tx = _leader.Transfer("alice", "carol", 77);

        var response = await _followerClient.SubmitAsync([tx]);

        var outcome = Assert.Single(response.Results);
        Assert.True(outcome.IsCommitted, outcome.Code);
        Assert.True(_followerLedger.Submissions > 0);
        Assert.Equal(outcome.Height, _leader.Ledger.Head.Height);
        Assert.Equal("follower", (await _followerClient.GetStatusAsync()).Role);
        Assert.Equal(_leader.Ledger.SelfApiUrl, (await _followerClient.GetStatusAsync()).LeaderUrl);
    }

    [Fact]
    public async Task NoLeaderKnown_Is503NoLeader()
    {
        _followerLedger.LeaderApiUrl = null;
        try
        {
            using var http = new HttpClient { BaseAddress = _followerUrl };
            var response = await http.PostAsync("v1/transactions", Raw.Json(Body(_leader.Transfer("bob", "dave", 1))));

            Assert.Equal("no_leader", (await Raw.ErrorOf(response, 503)).Code);
            Assert.NotNull(response.Headers.RetryAfter);
        }
        finally
        {
            _followerLedger.LeaderApiUrl = _leader.Ledger.SelfApiUrl;
        }
    }

    [Fact]
    public async Task AForwardedRequest_IsNotForwardedAgain()
    {
        using var http = new HttpClient { BaseAddress = _followerUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/transactions") { Content = Raw.Json(Body(_leader.Transfer("bob", "dave", 1))) };
        request.Headers.Add(LeaderForwarder.ForwardedHeader, "http://127.0.0.1:3");
        ulong height = _leader.Ledger.Head.Height;

        var error = await Raw.ErrorOf(await http.SendAsync(request), 503);

        Assert.Equal("no_leader", error.Code);
        Assert.Equal(height, _leader.Ledger.Head.Height);
    }

    [Fact]
    public async Task AnUnreachableLeader_Is503LeaderUnreachable()
    {
        _followerLedger.LeaderApiUrl = "http://127.0.0.1:1";
        try
        {
            var error = await Assert.ThrowsAsync<FairshareApiException>(() => _followerClient.SubmitAsync([_leader.Transfer("dave", "bob", 1)]));
            Assert.Equal(("leader_unreachable", 503), (error.Code, error.Status));
        }
        finally
        {
            _followerLedger.LeaderApiUrl = _leader.Ledger.SelfApiUrl;
        }
    }

    [Fact]
    public async Task TheLeader_SendsItsBlockSignaturesToTheOtherMembers_EvenWhenOneIsDown()
    {
        _leader.Ledger.Members = [_leader.Ledger.SelfApiUrl, "http://127.0.0.1:1", _followerUrl.ToString().TrimEnd('/')];
        int before = _followerLedger.SignaturesReceived;

        await _leader.CommitAsync(_leader.Transfer("carol", "alice", 5));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (_followerLedger.SignaturesReceived == before && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(_followerLedger.SignaturesReceived > before, "the follower never received the leader's signature");
    }

    private static string Body(Core.Ledger.Transactions.SignedTransaction tx) =>
        $"{{\"transactions\": [\"{Convert.ToBase64String(tx.Encoded)}\"], \"wait\": true}}";
}
