using System.Net.Http.Headers;
using Fairshare.Client;
using Fairshare.Core.Primitives;
using Fairshare.Server.Tests.Support;

namespace Fairshare.Server.Tests;

/// <summary>Every refusal is a 4xx/5xx <c>ApiError</c> with a stable code, and none of them changes the chain.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private const long RequestLimit = 64 * 1024;
    private const long BlobLimit = 128 * 1024;
    private TestNode _node = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(o => o with { MaxRequestBytes = RequestLimit, MaxBlobBytes = BlobLimit });
        _http = new HttpClient { BaseAddress = _node.Url };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413_WithOrWithoutAContentLength()
    {
        var head = _node.Ledger.Head;
        var big = "{\"transactions\":[\"" + new string('A', (int)RequestLimit) + "\"]}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/transactions") { Content = Raw.Json(big) };
        request.Headers.ExpectContinue = true;

        var declared = await Raw.ErrorOf(await _http.SendAsync(request), 413);
        var chunked = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var streamed = await Raw.ErrorOf(await _http.PostAsync("v1/transactions", chunked), 413);
        var blob = await Assert.ThrowsAsync<FairshareApiException>(() => _node.Client.PutBlobAsync(new byte[BlobLimit + 1]));

        Assert.Equal("body_too_large", declared.Code);
        Assert.Equal("body_too_large", streamed.Code);
        Assert.Equal(("body_too_large", 413), (blob.Code, blob.Status));
        Assert.Equal(head, _node.Ledger.Head);
        await _node.Client.PutBlobAsync(new byte[RequestLimit * 3 / 2]);
    }

    [Fact]
    public async Task BlobOverTheGovernedLimit_Is413BlobTooLarge_AndIsNotStored()
    {
        // A chain that lets jobs name models and inputs of 1 MiB at most: a larger blob is refused however it is sent.
        const long governed = 1L << 20;
        var genesis = Fairshare.Testing.TestChain.CreateGenesis() with
        {
            Parameters =
            [
                new Fairshare.Core.Genesis.GenesisParameter("market.max-model-bytes", new Amount((ulong)governed)),
                new Fairshare.Core.Genesis.GenesisParameter("market.max-input-bytes", new Amount((ulong)governed)),
            ],
        };
        await using var node = await TestNode.StartAsync(genesisJson: Fairshare.Core.Genesis.GenesisWriter.ToJson(genesis));
        var over = new byte[governed + 1];
        over[0] = 7;

        var declared = await Assert.ThrowsAsync<FairshareApiException>(() => node.Client.PutBlobAsync(over));
        using var http = new HttpClient { BaseAddress = node.Url };
        var chunked = new StreamContent(new MemoryStream(over));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var streamed = await Raw.ErrorOf(await http.PutAsync("v1/blobs", chunked), 413);

        Assert.Equal(("blob_too_large", 413), (declared.Code, declared.Status));
        Assert.Contains("1048576 bytes", declared.Message, StringComparison.Ordinal);
        Assert.Equal("blob_too_large", streamed.Code);
        Assert.False(node.Ledger.Blobs.Contains(Hash32.Compute(over)));
        var exact = new byte[governed];
        Assert.Equal(Hash32.Compute(exact), await node.Client.PutBlobAsync(exact));
    }

    [Theory]
    [InlineData("{\"transactions\": [", "malformed_json")]
    [InlineData("[1, 2]", "malformed_json")]
    [InlineData("{}", "malformed_json")]
    [InlineData("{\"transactions\": []}", "no_transactions")]
    [InlineData("{\"transactions\": [\"not base64!\"]}", "bad_encoding")]
    [InlineData("{\"transactions\": [\"AAECAwQ=\"]}", "bad_encoding")]
    public async Task BadSubmitBodies_Are400(string body, string code)
    {
        var head = _node.Ledger.Head;

        var error = await Raw.ErrorOf(await _http.PostAsync("v1/transactions", Raw.Json(body)), 400);

        Assert.Equal(code, error.Code);
        Assert.Equal(head, _node.Ledger.Head);
    }

    [Fact]
    public async Task BadEncoding_SaysWhichTransaction()
    {
        var good = Convert.ToBase64String(_node.Transfer("alice", "bob", 1).Encoded);

        var error = await Raw.ErrorOf(await _http.PostAsync("v1/transactions", Raw.Json($"{{\"transactions\": [\"{good}\", \"%%%\"]}}")), 400);

        Assert.Equal("bad_encoding", error.Code);
        Assert.Contains("transaction 1", error.Detail, StringComparison.Ordinal);
        Assert.Equal(0UL, _node.Ledger.Head.Height);
    }

    [Theory]
    [InlineData("v1/accounts/fs1nothex", "bad_address")]
    [InlineData("v1/accounts/fs1nothex/proof", "bad_address")]
    [InlineData("v1/flows?account=alice", "bad_address")]
    [InlineData("v1/blobs/xyz", "bad_hash")]
    [InlineData("v1/transactions/1234", "bad_hash")]
    [InlineData("v1/blocks/abc", "bad_height")]
    [InlineData("v1/blocks/-1/raw", "bad_height")]
    [InlineData("v1/blocks/one/receipts", "bad_height")]
    [InlineData("v1/flows?from=yesterday", "bad_height")]
    [InlineData("v1/flows?tag=gift", "bad_tag")]
    [InlineData("v1/flows?limit=0", "bad_limit")]
    [InlineData("v1/market/jobs?status=Lost", "bad_status")]
    [InlineData("v1/market/jobs/first", "bad_job_id")]
    public async Task BadRouteValues_Are400(string path, string code) =>
        Assert.Equal(code, (await Raw.ErrorOf(await _http.GetAsync(path), 400)).Code);

    [Theory]
    [InlineData("v1/nothing-here")]
    [InlineData("v2/status")]
    public async Task UnknownRoute_Is404(string path) =>
        Assert.Equal("unknown_route", (await Raw.ErrorOf(await _http.GetAsync(path), 404)).Code);

    [Fact]
    public async Task MissingThings_Are404WithTheirOwnCodes()
    {
        Assert.Equal("block_not_found", (await Raw.ErrorOf(await _http.GetAsync("v1/blocks/99"), 404)).Code);
        Assert.Equal("block_not_found", (await Raw.ErrorOf(await _http.GetAsync("v1/blocks/99/receipts"), 404)).Code);
        Assert.Equal("job_not_found", (await Raw.ErrorOf(await _http.GetAsync("v1/market/jobs/7"), 404)).Code);
        Assert.Equal("blob_not_found", (await Raw.ErrorOf(await _http.GetAsync($"v1/blobs/{Hash32.Compute("x"u8)}"), 404)).Code);
    }

    [Fact]
    public async Task WrongMethod_Is405()
    {
        Assert.Equal("method_not_allowed", (await Raw.ErrorOf(await _http.DeleteAsync("v1/status"), 405)).Code);
        Assert.Equal("method_not_allowed", (await Raw.ErrorOf(await _http.GetAsync("v1/transactions"), 405)).Code);
    }

    [Fact]
    public async Task WrongContentType_Is415()
    {
        var text = new StringContent("{\"transactions\": []}", System.Text.Encoding.UTF8, "text/plain");
        Assert.Equal("unsupported_media_type", (await Raw.ErrorOf(await _http.PostAsync("v1/transactions", text), 415)).Code);
        Assert.Equal("unsupported_media_type", (await Raw.ErrorOf(await _http.PutAsync("v1/blobs", Raw.Json("{}")), 415)).Code);
    }

    [Fact]
    public async Task Busy_Is503WithRetryAfter()
    {
        _node.Ledger.Busy = true;
        try
        {
            var response = await _http.PostAsync("v1/transactions", Raw.Json($"{{\"transactions\": [\"{Convert.ToBase64String(_node.Transfer("bob", "alice", 1).Encoded)}\"]}}"));
            Assert.Equal("busy", (await Raw.ErrorOf(response, 503)).Code);
            Assert.NotNull(response.Headers.RetryAfter);
        }
        finally
        {
            _node.Ledger.Busy = false;
        }
    }

    [Fact]
    public async Task UnexpectedException_Is500WithoutDetails()
    {
        _node.Ledger.FailReads = true;
        try
        {
            var response = await _http.GetAsync("v1/state");
            var error = await Raw.ErrorOf(response, 500);
            Assert.Equal("internal", error.Code);
            Assert.DoesNotContain(SingleNodeLedger.FailureText, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", error.Detail, StringComparison.Ordinal);
        }
        finally
        {
            _node.Ledger.FailReads = false;
        }
    }
}
