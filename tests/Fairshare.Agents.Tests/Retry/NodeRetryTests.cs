using System.Net;
using Fairshare.Agents.Remote;
using Fairshare.Client;
using Fairshare.Client.Dto;
using Microsoft.Extensions.Time.Testing;

namespace Fairshare.Agents.Tests.Retry;

/// <summary>
/// The one retry strategy (<see cref="NodeRetry"/>) on a fake clock: the waits it takes (hand-written: 100 ms doubling,
/// capped at 5 s), a node's Retry-After, and which errors are not worth another try.
/// </summary>
public sealed class NodeRetryTests
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    private static FairshareApiException Error(string code, int status, TimeSpan? retryAfter = null) =>
        new(ApiError.Of(code, code, status)) { RetryAfter = retryAfter };

    /// <summary>Runs <paramref name="attempt"/> under <paramref name="options"/> on a fake clock, advancing it until the run ends.</summary>
    private static async Task<(int Calls, List<TimeSpan> Waits, Exception? Error, int Result)> RunAsync(
        NodeRetryOptions options, Func<int, int> attempt)
    {
        var clock = new FakeTimeProvider();
        var waits = new List<TimeSpan>();
        int calls = 0;
        var pipeline = NodeRetry.Create(options with { Clock = clock }, (_, _, wait) => waits.Add(wait));
        var run = pipeline.ExecuteAsync(_ => new ValueTask<int>(attempt(++calls)), CancellationToken.None).AsTask();
        var guard = DateTime.UtcNow;
        while (!run.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(1);
            Assert.True(DateTime.UtcNow - guard < TimeSpan.FromMinutes(2), "the retry never finished");
        }

        try
        {
            return (calls, waits, null, await run);
        }
        catch (Exception e)
        {
            return (calls, waits, e, 0);
        }
    }

    [Fact]
    public async Task Waits_DoubleFromTheFirstDelayUpToTheCap_ThenTheLastErrorComesOut()
    {
        var options = NodeRetryOptions.Default with { UseJitter = false };
        var (calls, waits, error, _) = await RunAsync(options, _ => throw Error("unreachable", 0));

        Assert.Equal(8, calls);
        Assert.Equal(new[] { 100, 200, 400, 800, 1600, 3200, 5000 }.Select(ms => ms * Ms), waits);
        Assert.Equal("unreachable", Assert.IsType<FairshareApiException>(error).Code);
    }

    [Fact]
    public async Task WithJitter_EachWaitStaysWithinTheCap()
    {
        var (calls, waits, _, _) = await RunAsync(NodeRetryOptions.Default, _ => throw Error("busy", 503));

        Assert.Equal(8, calls);
        Assert.Equal(7, waits.Count);
        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ATransientFailureFollowedByAnAnswer_ReturnsTheAnswer()
    {
        var (calls, waits, error, result) = await RunAsync(NodeRetryOptions.Default with { UseJitter = false },
            call => call < 3 ? throw Error("no_leader", 503) : 42);

        Assert.Null(error);
        Assert.Equal(42, result);
        Assert.Equal(3, calls);
        Assert.Equal(new[] { 100 * Ms, 200 * Ms }, waits);
    }

    [Fact]
    public async Task TheNodesRetryAfter_IsWaited_AndCappedAtTheLongestWait()
    {
        var asked = new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(300) };
        var (calls, waits, error, result) = await RunAsync(NodeRetryOptions.Default with { UseJitter = false },
            call => call <= asked.Length ? throw Error("rate_limited", 429, asked[call - 1]) : 7);

        Assert.Null(error);
        Assert.Equal(7, result);
        Assert.Equal(4, calls);
        Assert.Equal(new[] { TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300) }, waits);
    }

    [Theory]
    [InlineData("bad_nonce", 400)]
    [InlineData("not_found", 404)]
    [InlineData("blob_too_large", 413)]
    [InlineData("internal", 500)]
    public async Task AnErrorThatWillNotPass_IsNotTriedAgain(string code, int status)
    {
        var (calls, waits, error, _) = await RunAsync(NodeRetryOptions.Default, _ => throw Error(code, status));

        Assert.Equal(1, calls);
        Assert.Empty(waits);
        Assert.Equal(code, Assert.IsType<FairshareApiException>(error).Code);
    }

    [Fact]
    public async Task AnExceptionThatIsNotANodeError_IsNotTriedAgain()
    {
        var (calls, _, error, _) = await RunAsync(NodeRetryOptions.Default, _ => throw new InvalidOperationException("bug"));

        Assert.Equal(1, calls);
        Assert.IsType<InvalidOperationException>(error);
    }

    [Theory]
    [InlineData("unreachable", 0, true)]
    [InlineData("busy", 503, true)]
    [InlineData("no_leader", 503, true)]
    [InlineData("rate_limited", 429, true)]
    [InlineData("http_502", 502, true)]
    [InlineData("http_504", 504, true)]
    [InlineData("http_500", 500, false)]
    [InlineData("bad_signature", 400, false)]
    [InlineData("insufficient_funds", 409, false)]
    public void WhichNodeErrors_MayPass(string code, int status, bool transient)
    {
        Assert.Equal(transient, Error(code, status).IsTransient);
        Assert.Equal(transient, new GatewayException(code, code, Error(code, status)).IsTransient);
    }

    [Fact]
    public void AGatewayErrorWithoutANodeErrorInside_IsJudgedByItsCode()
    {
        Assert.True(new GatewayException("unreachable", "gone").IsTransient);
        Assert.False(new GatewayException("not_found", "no such job").IsTransient);
        Assert.Null(new GatewayException("unreachable", "gone").RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(3), new GatewayException("busy", "busy", Error("busy", 503, TimeSpan.FromSeconds(3))).RetryAfter);
    }

    [Fact]
    public async Task TheSdk_ReadsRetryAfterSeconds_FromTheNodesAnswer()
    {
        using var http = new HttpClient(new Answer(HttpStatusCode.TooManyRequests, """{"code":"rate_limited","message":"slow down"}""", "7"))
        {
            BaseAddress = new Uri("http://127.0.0.1:9/"),
        };
        using var client = new FairshareClient(http);

        var error = await Assert.ThrowsAsync<FairshareApiException>(() => client.GetStatusAsync());

        Assert.Equal("rate_limited", error.Code);
        Assert.Equal(429, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task AnAnswerWithoutRetryAfter_AsksForNoParticularWait()
    {
        using var http = new HttpClient(new Answer(HttpStatusCode.ServiceUnavailable, "not json", null))
        {
            BaseAddress = new Uri("http://127.0.0.1:9/"),
        };
        using var client = new FairshareClient(http);

        var error = await Assert.ThrowsAsync<FairshareApiException>(() => client.GetStatusAsync());

        Assert.Equal("http_503", error.Code);
        Assert.Null(error.RetryAfter);
        Assert.True(error.IsTransient);
    }

    private sealed class Answer(HttpStatusCode status, string body, string? retryAfter) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            if (retryAfter is not null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            return Task.FromResult(response);
        }
    }
}
