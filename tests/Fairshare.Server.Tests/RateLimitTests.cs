using Fairshare.Core.Crypto;
using Fairshare.Node.Cluster;
using Fairshare.Server.Cluster;
using Fairshare.Server.Tests.Support;

namespace Fairshare.Server.Tests;

/// <summary>
/// A client IP that sends faster than the limit gets 429 <c>rate_limited</c>; probes and scrapes are never limited, and
/// neither are requests a validator of the chain signed (never a header anyone could set).
/// </summary>
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
            Assert.Equal(200, (int)(await _http.GetAsync("health/live")).StatusCode);
            Assert.Equal(200, (int)(await _http.GetAsync("health/ready")).StatusCode);
            Assert.Equal(200, (int)(await _http.GetAsync("metrics")).StatusCode);
        }
    }

    [Fact]
    public async Task AForwardedByHeader_FromThisVeryHost_IsLimitedAllTheSame()
    {
        // Anyone on the node's host (or behind the reverse proxy the docs recommend) can set the header.
        Assert.Equal(429, await FirstLimitedStatusAsync(request => request.Headers.Add(LeaderForwarder.ForwardedHeader, _node.Ledger.SelfApiUrl)));
    }

    [Fact]
    public async Task AnXForwardedFor_FromAnUntrustedPeer_DoesNotBuyAFreshBucket()
    {
        // Without a trusted proxy, naming another client per request changes nothing: it is the same peer.
        int i = 0;
        Assert.Equal(429, await FirstLimitedStatusAsync(request => request.Headers.Add("X-Forwarded-For", $"203.0.113.{++i % 250}")));
    }

    [Fact]
    public async Task BehindATrustedProxy_EachForwardedClientHasItsOwnBucket_AndOneClientIsStillLimited()
    {
        // The node sits behind a proxy on 127.0.0.1: the client the proxy names is what a bucket belongs to.
        await using var proxied = await TestNode.StartAsync(o => o with
        {
            RateLimitPerSecond = 2,
            RateLimitBurst = 2,
            TrustedProxies = [System.Net.IPNetwork.Parse("127.0.0.0/8")],
        });
        using var http = new HttpClient { BaseAddress = proxied.Url };

        async Task<int> StatusFor(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "v1/status");
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }

        // Twenty clients, two requests each (each bucket holds two): nobody is limited, though the 40 requests come
        // from one peer far faster than two a second.
        var statuses = new List<int>();
        for (int c = 1; c <= 20; c++)
        {
            statuses.Add(await StatusFor($"198.51.100.{c}"));
            statuses.Add(await StatusFor($"198.51.100.{c}"));
        }

        Assert.All(statuses, s => Assert.Equal(200, s));
        int limited = 0;
        for (int k = 0; k < 20 && limited == 0; k++) limited = await StatusFor("198.51.100.1") == 429 ? 1 : 0;
        Assert.Equal(1, limited);
    }

    [Fact]
    public async Task RequestsAValidatorSigned_AreNotLimited()
    {
        using var validator = KeyPair.ForDevelopment("test-validator");
        Assert.Contains(validator.PublicKey, _node.Ledger.Genesis.Validators);

        Assert.Equal(200, await FirstLimitedStatusAsync(request => Sign(request, validator, "GET", "/v1/status", DateTimeOffset.UtcNow)));
    }

    [Theory]
    [InlineData("stranger")] // a key the genesis does not list
    [InlineData("other-path")] // a validator's signature of another request
    [InlineData("stale")] // a validator's signature from two minutes ago
    [InlineData("bad-signature")]
    public async Task SignaturesThatDoNotProveAValidatorSentThisRequestNow_AreLimited(string forgery)
    {
        using var validator = KeyPair.ForDevelopment("test-validator");
        using var stranger = KeyPair.ForDevelopment("stranger");
        var now = DateTimeOffset.UtcNow;

        int status = await FirstLimitedStatusAsync(request =>
        {
            switch (forgery)
            {
                case "stranger": Sign(request, stranger, "GET", "/v1/status", now); break;
                case "other-path": Sign(request, validator, "GET", "/v1/blocks/1", now); break;
                case "stale": Sign(request, validator, "GET", "/v1/status", now - TimeSpan.FromMinutes(2)); break;
                default:
                    Sign(request, validator, "GET", "/v1/status", now);
                    request.Headers.Remove(MemberRequest.SignatureHeader);
                    request.Headers.Add(MemberRequest.SignatureHeader, new string('0', 128));
                    break;
            }
        });

        Assert.Equal(429, status);
    }

    /// <summary>Sends up to 100 requests for the status, each shaped by <paramref name="shape"/>; the first 429, else 200.</summary>
    private async Task<int> FirstLimitedStatusAsync(Action<HttpRequestMessage> shape)
    {
        for (int i = 0; i < 100; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "v1/status");
            shape(request);
            using var response = await _http.SendAsync(request);
            if ((int)response.StatusCode == 429) return 429;
            Assert.Equal(200, (int)response.StatusCode);
        }

        return 200;
    }

    private void Sign(HttpRequestMessage request, KeyPair key, string method, string pathAndQuery, DateTimeOffset at)
    {
        var credentials = MemberRequest.Sign(key, _node.Ledger.Genesis.ChainId, method, pathAndQuery, at);
        request.Headers.Add(MemberRequest.MemberHeader, credentials.Member);
        request.Headers.Add(MemberRequest.TimeHeader, credentials.Time);
        request.Headers.Add(MemberRequest.SignatureHeader, credentials.Signature);
    }
}
