using Fairshare.Server.Tests.Support;

namespace Fairshare.Server.Tests;

/// <summary>A client IP that sends faster than the limit gets 429 <c>rate_limited</c>; probes and scrapes are never limited.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private TestNode _node = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(o => o with { RateLimitPerSecond = 2, RateLimitBurst = 2 });
        _http = new HttpClient { BaseAddress = _node.Url };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task TooManyRequests_Are429WithRetryAfter_AndHealthIsExempt()
    {
        HttpResponseMessage? limited = null;
        for (int i = 0; i < 200 && limited is null; i++)
        {
            var response = await _http.GetAsync("v1/status");
            if ((int)response.StatusCode == 429) limited = response;
        }

        Assert.NotNull(limited);
        Assert.Equal("rate_limited", (await Raw.ErrorOf(limited, 429)).Code);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));

        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(200, (int)(await _http.GetAsync("health")).StatusCode);
            Assert.Equal(200, (int)(await _http.GetAsync("metrics")).StatusCode);
        }
    }
}
