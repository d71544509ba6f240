using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Server.Tests.Support;
using Fairshare.Testing;

namespace Fairshare.Server.Tests;

/// <summary>
/// Errors are RFC 9457 problem details however they arise (an endpoint's refusal, routing, the body limit, a broken
/// request, a bug), each type a path the node answers; the SDK reads them, and an older node's <c>{code, message}</c>.
/// </summary>
public sealed partial class ProblemDetailsTests : IAsyncLifetime
{
    private const long RequestLimit = 16 * 1024;
    private TestNode _node = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(o => o with { MaxRequestBytes = RequestLimit });
        _http = new HttpClient { BaseAddress = _node.Url };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task UnknownRoute_Is404ProblemDetails_WhoseTypeTheNodeAnswers()
    {
        var error = await Raw.ErrorOf(await _http.GetAsync("v1/no/such/thing?x=1"), 404);

        var type = await _http.GetFromJsonAsync<ApiErrorType>(new Uri(_node.Url, error.Type), FairshareClient.Json);

        Assert.Equal(("unknown_route", "/errors/unknown_route", "/v1/no/such/thing"), (error.Code, error.Type, error.Instance));
        Assert.Contains("GET /v1/no/such/thing", error.Detail, StringComparison.Ordinal);
        Assert.Equal(new ApiErrorType("unknown_route", 404, error.Title, type!.Description), type);
    }

    [Fact]
    public async Task Errors_ListsTheCatalog_AndEachTypeResolves()
    {
        var all = await _http.GetFromJsonAsync<List<ApiErrorType>>("errors", FairshareClient.Json);

        Assert.Equal(ApiErrorTypes.All, all);
        Assert.Equal(all!.Count, all.Select(t => t.Code).Distinct().Count());
        foreach (var type in all)
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", type.Code);
            Assert.Equal(type, await _http.GetFromJsonAsync<ApiErrorType>(type.Type.TrimStart('/'), FairshareClient.Json));
        }

        var missing = await Raw.ErrorOf(await _http.GetAsync("errors/no_such_code"), 404);
        Assert.Equal("error_type_not_found", missing.Code);
        Assert.Contains("'no_such_code'", missing.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizeBody_Is413ProblemDetails_WithTheSizeAndTheLimit()
    {
        var big = "{\"transactions\":[\"" + new string('A', (int)RequestLimit) + "\"]}";

        var error = await Raw.ErrorOf(await _http.PostAsync("v1/transactions", Raw.Json(big)), 413);

        Assert.Equal("body_too_large", error.Code);
        Assert.Contains($"the body of {Encoding.UTF8.GetByteCount(big)} bytes", error.Detail, StringComparison.Ordinal);
        Assert.Contains($"limit of {RequestLimit} bytes", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANumberSentAsAString_IsMalformedJson_ANumberIsRead()
    {
        var asText = await Raw.ErrorOf(await _http.PostAsync("v1/internal/signatures",
            Raw.Json("{\"height\": \"1\", \"signature\": {\"validator\": \"00\", \"signature\": \"00\"}}")), 400);
        var asNumber = await Raw.ErrorOf(await _http.PostAsync("v1/internal/signatures",
            Raw.Json("{\"height\": 1, \"signature\": {\"validator\": \"00\", \"signature\": \"00\"}}")), 400);

        Assert.Equal("malformed_json", asText.Code);
        Assert.Contains("height", asText.Detail, StringComparison.Ordinal);
        Assert.Equal("bad_encoding", asNumber.Code);
    }

    [Fact]
    public async Task ABrokenChunkedBody_IsA400BadRequest_FromTheExceptionHandler()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_node.Url.Host, _node.Url.Port);
        var stream = tcp.GetStream();
        var request = "POST /v1/transactions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nnot-a-chunk-size\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        var body = answer[answer.IndexOf('{', StringComparison.Ordinal)..answer.LastIndexOf('}')] + "}";
        var error = System.Text.Json.JsonSerializer.Deserialize<ApiError>(body, FairshareClient.Json)!;
        Assert.Equal(("bad_request", "/errors/bad_request", "Malformed request", 400, "/v1/transactions"), (error.Code, error.Type, error.Title, error.Status, error.Instance));
        Assert.False(string.IsNullOrWhiteSpace(error.Detail));
    }

    [Fact]
    public async Task Sdk_ThrowsTheProblem_TypeTitleDetailCodeAndInstance()
    {
        var error = await Assert.ThrowsAsync<FairshareApiException>(() => _node.Client.GetJsonAsync<AccountDto>("v1/accounts/fs1nothex"));

        Assert.Equal(("bad_address", 400, "/errors/bad_address", "Not an address", "/v1/accounts/fs1nothex"), (error.Code, error.Status, error.Type, error.Title, error.Instance));
        Assert.Contains("'fs1nothex'", error.Detail, StringComparison.Ordinal);
        Assert.Equal(error.Detail, error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Sdk_ReadsAnOlderNodesErrors_AndBodiesWithoutACode()
    {
        using var older = new StringContent("{\"code\":\"busy\",\"message\":\"the leader's mempool is full\",\"status\":503}");
        using var foreign = new StringContent("{\"type\":\"about:blank\",\"title\":\"Bad Gateway\",\"status\":502}");
        using var text = new StringContent("<html>502</html>");

        var busy = await FairshareClient.ReadProblemAsync(older, 503);

        Assert.Equal(ApiError.Of("busy", "the leader's mempool is full", 503), busy);
        Assert.Equal(("/errors/busy", "Mempool full"), (busy!.Type, busy.Title));
        Assert.Null(await FairshareClient.ReadProblemAsync(foreign, 502));
        Assert.Null(await FairshareClient.ReadProblemAsync(text, 502));
        Assert.Equal(("about:blank", "Bad Gateway"), (ApiError.Of("http_502", "x", 502, title: "Bad Gateway").Type, "Bad Gateway"));
    }

    [Fact]
    public async Task Sdk_UnreachableNode_IsItsOwnProblemType()
    {
        using var nowhere = new FairshareClient(new Uri("http://127.0.0.1:1/"), TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<FairshareApiException>(() => nowhere.GetStatusAsync());

        Assert.Equal(("unreachable", 0, "/errors/unreachable", "Node unreachable"), (error.Code, error.Status, error.Type, error.Title));
        Assert.True(error.IsTransient);
    }

    [Fact]
    public void ApiDoc_ListsEveryProblemType_WithItsStatusAndTitle()
    {
        var doc = File.ReadAllText(Path.Combine(RealModels.RepositoryRoot, "docs", "api.md"));
        var section = doc[doc.IndexOf("\n## Errors", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];

        var matches = TypeRow().Matches(section).ToList();
        var rows = matches.Select(m => (Status: m.Groups["status"].Value, Code: m.Groups["code"].Value, Title: m.Groups["title"].Value.Trim())).ToList();

        Assert.All(matches, m => Assert.Equal(m.Groups["code"].Value, m.Groups["anchor"].Value));

        var expected = ApiErrorTypes.All.Select(t => (Status: t.Status == 0 ? "SDK" : t.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Code, t.Title)).ToList();
        Assert.Equal(expected.OrderBy(r => r.Code, StringComparer.Ordinal), rows.OrderBy(r => r.Code, StringComparer.Ordinal));
    }

    /// <summary>A row of docs/api.md's problem types: <c>| 404 | &lt;a id="error-x"&gt;&lt;/a&gt;`x` | Title | when |</c>.</summary>
    [GeneratedRegex("^\\| (?<status>[0-9]{3}|SDK) \\| <a id=\"error-(?<anchor>[a-z_]+)\"></a>`(?<code>[a-z_]+)` \\| (?<title>[^|]+) \\|", RegexOptions.Multiline)]
    private static partial Regex TypeRow();
}
