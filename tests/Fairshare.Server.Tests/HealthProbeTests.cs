using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace Fairshare.Server.Tests;

/// <summary>
/// <c>/health/live</c> answers 200 while the process runs; <c>/health/ready</c> answers 200 only when the node knows a
/// leader and trails the cluster's commits by at most the allowed lag, else 503 with the reason. <c>/health</c> is
/// unchanged.
/// </summary>
public sealed class HealthProbeTests : IAsyncLifetime
{
    private const long MaxLag = 3;

    private TestNode _node = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(o => o with { MaxReadyIndexLag = MaxLag });
        _http = new HttpClient { BaseAddress = _node.Url };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task Live_Answers200()
    {
        var answer = await ProbeAsync(_http, "health/live", 200);

        Assert.Equal("live", answer.Status);
    }

    [Fact]
    public async Task Ready_OnASingleValidatorThatLeads_Answers200()
    {
        _node.Ledger.Term = 4;

        var answer = await ProbeAsync(_http, "health/ready", 200);

        Assert.Equal(new ReadinessDto("ready", null, null, _node.Ledger.Head.Height, "leader", 4, 0), answer);
        Assert.Equal("ok", (await _node.Client.GetHealthAsync()).Status);
    }

    [Fact]
    public async Task Ready_WhileItTrailsByMoreThanTheLag_Answers503CatchingUp_AndReadyAgainWithinIt()
    {
        _node.Ledger.IndexLag = MaxLag + 1;
        var behind = await ProbeAsync(_http, "health/ready", 503);

        _node.Ledger.IndexLag = MaxLag;
        var caughtUp = await ProbeAsync(_http, "health/ready", 200);

        Assert.Equal(("not_ready", "catching_up", MaxLag + 1), (behind.Status, behind.Reason, behind.IndexLag));
        Assert.Equal(("ready", null, MaxLag), (caughtUp.Status, caughtUp.Reason, caughtUp.IndexLag));
        Assert.Equal(200, (int)(await _http.GetAsync("health/live")).StatusCode);
    }

    [Fact]
    public async Task Ready_WithNoLeaderKnown_Answers503NoLeader()
    {
        var ledger = new FollowerLedger(_node.Ledger) { LeaderApiUrl = null };
        await using WebApplication follower = NodeApi.Build(new NodeApiOptions("http://127.0.0.1:0"), ledger, null);
        await follower.StartAsync();
        using var http = new HttpClient { BaseAddress = NodeApi.BoundUrl(follower) };

        var answer = await ProbeAsync(http, "health/ready", 503);

        Assert.Equal(("not_ready", "no_leader", "follower"), (answer.Status, answer.Reason, answer.Role));
        Assert.False(string.IsNullOrWhiteSpace(answer.Message));
        Assert.Equal(200, (int)(await http.GetAsync("health/live")).StatusCode);
        Assert.Equal(200, (int)(await http.GetAsync("health")).StatusCode);
    }

    private static async Task<ReadinessDto> ProbeAsync(HttpClient http, string path, int status)
    {
        using var response = await http.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
        var answer = System.Text.Json.JsonSerializer.Deserialize<ReadinessDto>(body, FairshareClient.Json);
        Assert.NotNull(answer);
        return answer;
    }
}
