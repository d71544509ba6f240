using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fairshare.Client.Dto;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Client;

/// <summary>
/// The typed client of a node's HTTP API (<c>/v1</c>). Every call either returns what the node answered or throws a
/// <see cref="FairshareApiException"/> with the node's error code (or <c>unreachable</c>). Blobs are re-hashed and the
/// state is checked against a signed block, so a client never has to trust the node's word for either.
/// </summary>
public sealed class FairshareClient : IDisposable
{
    /// <summary>
    /// The JSON settings of the API, the node's and the SDK's alike: camelCase names as ASP.NET Core's web defaults, and
    /// strict numbers (a number is a JSON number, never a string of digits; amounts are strings by type, not by this).
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.Strict };

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>A client of the node at <paramref name="baseUrl"/> (e.g. <c>http://127.0.0.1:8080</c>).</summary>
    public FairshareClient(Uri baseUrl, TimeSpan? timeout = null)
        : this(new HttpClient { BaseAddress = baseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(30) }, ownsHttp: true)
    {
    }

    /// <summary>A client over an existing <see cref="HttpClient"/> whose BaseAddress is the node.</summary>
    public FairshareClient(HttpClient http, bool ownsHttp = false)
    {
        ArgumentNullException.ThrowIfNull(http.BaseAddress, nameof(http));
        _http = http;
        _ownsHttp = ownsHttp;
    }

    /// <summary>The node's base URL.</summary>
    public Uri BaseUrl => _http.BaseAddress!;

    /// <summary>True when <c>GET /health</c> answers 200.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken ct = default)
    {
        try
        {
            using var response = await _http.GetAsync("health", ct).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary><c>GET /v1/status</c>.</summary>
    public Task<NodeStatus> GetStatusAsync(CancellationToken ct = default) => GetJsonAsync<NodeStatus>("v1/status", ct)!;

    /// <summary><c>GET /v1/genesis</c>: the chain's genesis JSON, exactly as the node's genesis file holds it.</summary>
    public async Task<string> GetGenesisJsonAsync(CancellationToken ct = default)
    {
        var bytes = await GetBytesAsync("v1/genesis", ct).ConfigureAwait(false) ?? throw Malformed("v1/genesis");
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// <c>POST /v1/transactions</c>: sends signed transactions (to any validator: followers forward to the leader).
    /// With <paramref name="wait"/>, returns once each is committed or refused.
    /// </summary>
    public async Task<SubmitResponse> SubmitAsync(IReadOnlyList<SignedTransaction> transactions, bool wait = true, CancellationToken ct = default)
    {
        var request = new SubmitRequest([.. transactions.Select(t => Convert.ToBase64String(t.Encoded))], wait);
        return await SendAsync<SubmitResponse>(() => _http.PostAsJsonAsync("v1/transactions", request, Json, ct), ct).ConfigureAwait(false)
            ?? throw Malformed("v1/transactions");
    }

    /// <summary><c>GET /v1/transactions/{id}</c>: a committed transaction's outcome, or null when the node knows none.</summary>
    public Task<TxOutcome?> GetTransactionAsync(Hash32 id, CancellationToken ct = default) =>
        GetJsonAsync<TxOutcome>($"v1/transactions/{id}", ct, nullOn404: true);

    /// <summary><c>GET /v1/accounts/{address}</c> (an unknown account answers with nonce 0 and no balances).</summary>
    public Task<AccountDto> GetAccountAsync(Address address, CancellationToken ct = default) =>
        GetJsonAsync<AccountDto>($"v1/accounts/{address}", ct)!;

    /// <summary><c>GET /v1/blocks/{height}</c>, or null when the node has no such block.</summary>
    public Task<BlockDto?> GetBlockAsync(ulong height, CancellationToken ct = default) =>
        GetJsonAsync<BlockDto>($"v1/blocks/{height}", ct, nullOn404: true);

    /// <summary><c>GET /v1/blocks/{height}/receipts</c>.</summary>
    public Task<IReadOnlyList<ReceiptDto>> GetReceiptsAsync(ulong height, CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<ReceiptDto>>($"v1/blocks/{height}/receipts", ct)!;

    /// <summary><c>GET /v1/blocks/{height}/raw</c>: the block's canonical encoding, decoded; null when there is none.</summary>
    public async Task<Block?> GetRawBlockAsync(ulong height, CancellationToken ct = default)
    {
        var bytes = await GetBytesAsync($"v1/blocks/{height}/raw", ct).ConfigureAwait(false);
        if (bytes is null) return null;
        return Block.TryDecode(bytes, out var block) == ResultCode.Ok ? block : throw Malformed($"v1/blocks/{height}/raw");
    }

    /// <summary>
    /// <c>GET /v1/state</c>: the committed state, checked against the signed block at its height (see
    /// <see cref="VerifiedState"/>). Throws <c>state_unverified</c> when the two disagree.
    /// </summary>
    public async Task<VerifiedState> GetStateAsync(CancellationToken ct = default)
    {
        var bytes = await GetBytesAsync("v1/state", ct).ConfigureAwait(false) ?? throw Malformed("v1/state");
        if (StateSnapshot.TryDecode(bytes, out var state) != ResultCode.Ok) throw Malformed("v1/state");
        var root = state!.ComputeRoot();
        ulong height = state.Head.Height;
        if (height == 0) return new VerifiedState(state, null);
        var block = await GetRawBlockAsync(height, ct).ConfigureAwait(false);
        bool valid = block is not null
            && block.Header.StateRoot == root
            && block.Header.Hash() == state.Head.BlockHash
            && state.Validators.Contains(block.Header.Proposer)
            && block.Signatures.Any(s => s.Validator == block.Header.Proposer && s.Verify(block.Header));
        return valid
            ? new VerifiedState(state, block)
            : throw new FairshareApiException(ApiError.Of("state_unverified", $"the state {BaseUrl} sent for height {height} does not match its signed block; try another node", 0, "/v1/state"));
    }

    /// <summary>
    /// <c>GET /v1/accounts/{address}/proof</c>: one account (nonce, balances) with the assets, in a few kilobytes
    /// instead of the whole state, checked as <see cref="GetStateAsync"/> checks the state: the proof must lead to the
    /// state root of the header at the node's head, whose proposer must be a validator the proven state lists (and one of
    /// <paramref name="trustedValidators"/>, when given, e.g. the genesis validators) and must have signed it. Throws
    /// <c>state_unverified</c> when anything does not check. At height 0 there is no signed header (see
    /// <see cref="VerifiedAccount"/>).
    /// </summary>
    public async Task<VerifiedAccount> GetVerifiedAccountAsync(Address address, IReadOnlyCollection<PublicKey>? trustedValidators = null, CancellationToken ct = default)
    {
        var path = $"v1/accounts/{address}/proof";
        var bytes = await GetBytesAsync(path, ct).ConfigureAwait(false) ?? throw Malformed(path);
        if (SignedAccountProof.TryDecode(bytes, out var signed) != ResultCode.Ok) throw Malformed(path);
        ProvenAccount? proven = null;
        var code = signed!.Proof.Address != address ? ResultCode.InvalidValue
            : signed.Header is null ? signed.Proof.TryOpen(out _, out proven)
            : signed.Verify(trustedValidators, out proven);
        return code == ResultCode.Ok
            ? new VerifiedAccount(address, proven!.Account, signed.Height, signed.ChainId, signed.Header, proven.Globals, bytes.Length)
            : throw new FairshareApiException(ApiError.Of("state_unverified",
                $"the proof of {address} {BaseUrl} sent for height {signed.Height} does not match its signed block ({code}); try another node", 0, "/" + path));
    }

    /// <summary><c>PUT /v1/blobs</c>: stores content and returns its SHA-256 address (checked against our own hash).</summary>
    public async Task<Hash32> PutBlobAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        var expected = Hash32.Compute(content.Span);
        using var body = new ReadOnlyMemoryContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // Expect: 100-continue lets a node refuse an oversized blob (413) before the client sends it.
        using var request = new HttpRequestMessage(HttpMethod.Put, "v1/blobs") { Content = body };
        request.Headers.ExpectContinue = true;
        var answer = await SendAsync<BlobStored>(() => _http.SendAsync(request, ct), ct).ConfigureAwait(false);
        return answer is not null && Hash32.TryParse(answer.Address, out var address) && address == expected
            ? address
            : throw Malformed("v1/blobs");
    }

    /// <summary><c>GET /v1/blobs/{address}</c>: the content, re-hashed; null when the node does not hold it.</summary>
    public async Task<byte[]?> GetBlobAsync(Hash32 address, CancellationToken ct = default)
    {
        var bytes = await GetBytesAsync($"v1/blobs/{address}", ct).ConfigureAwait(false);
        if (bytes is null) return null;
        return Hash32.Compute(bytes) == address
            ? bytes
            : throw new FairshareApiException(ApiError.Of("blob_corrupt", $"the blob {address} from {BaseUrl} does not hash to its address", 0, $"/v1/blobs/{address}"));
    }

    /// <summary><c>GET /health</c>: the node's status and committed height.</summary>
    public Task<HealthDto> GetHealthAsync(CancellationToken ct = default) => GetJsonAsync<HealthDto>("health", ct)!;

    /// <summary>
    /// <c>GET /v1/flows</c>: flow-tagged events from the node's index in chain order, filtered by account (sender or
    /// receiver), tag, asset and an inclusive height range; at most <paramref name="limit"/> (the node caps it).
    /// </summary>
    public Task<IReadOnlyList<FlowDto>> GetFlowsAsync(
        Address? account = null, FlowTag? tag = null, AssetId? asset = null, ulong? fromHeight = null, ulong? toHeight = null, int? limit = null,
        CancellationToken ct = default)
    {
        var query = new List<string>();
        if (account is { } a) query.Add("account=" + a);
        if (tag is { } t) query.Add("tag=" + t);
        if (asset is { } s) query.Add("asset=" + s.Value.ToString(CultureInfo.InvariantCulture));
        if (fromHeight is { } f) query.Add("from=" + f.ToString(CultureInfo.InvariantCulture));
        if (toHeight is { } to) query.Add("to=" + to.ToString(CultureInfo.InvariantCulture));
        if (limit is { } l) query.Add("limit=" + l.ToString(CultureInfo.InvariantCulture));
        return GetJsonAsync<IReadOnlyList<FlowDto>>(query.Count == 0 ? "v1/flows" : "v1/flows?" + string.Join('&', query), ct)!;
    }

    /// <summary><c>GET /v1/market/jobs</c>: every compute job in id order, or only those in a <c>JobState</c> (e.g. <c>Settled</c>).</summary>
    public Task<IReadOnlyList<JobDto>> GetJobsAsync(string? status = null, CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<JobDto>>(status is null ? "v1/market/jobs" : "v1/market/jobs?status=" + Uri.EscapeDataString(status), ct)!;

    /// <summary><c>GET /v1/market/jobs/{id}</c>: one job with its slots, or null when there is none.</summary>
    public Task<JobDto?> GetJobAsync(ulong id, CancellationToken ct = default) =>
        GetJsonAsync<JobDto>($"v1/market/jobs/{id}", ct, nullOn404: true);

    /// <summary><c>GET /v1/market/offers</c>: every provider that ever registered, with its offer, reputation and stake.</summary>
    public Task<IReadOnlyList<ProviderDto>> GetOffersAsync(CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<ProviderDto>>("v1/market/offers", ct)!;

    /// <summary><c>GET /v1/amm/pools</c>.</summary>
    public Task<IReadOnlyList<PoolDto>> GetPoolsAsync(CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<PoolDto>>("v1/amm/pools", ct)!;

    /// <summary><c>GET /v1/lending/markets</c>.</summary>
    public Task<IReadOnlyList<LendingMarketDto>> GetLendingMarketsAsync(CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<LendingMarketDto>>("v1/lending/markets", ct)!;

    /// <summary><c>GET /v1/governance/proposals</c>.</summary>
    public Task<IReadOnlyList<ProposalDto>> GetProposalsAsync(CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<ProposalDto>>("v1/governance/proposals", ct)!;

    /// <summary><c>GET /v1/staking/pools</c>.</summary>
    public Task<IReadOnlyList<StakePoolDto>> GetStakePoolsAsync(CancellationToken ct = default) =>
        GetJsonAsync<IReadOnlyList<StakePoolDto>>("v1/staking/pools", ct)!;

    /// <summary>
    /// <c>GET /v1/analytics/concentration</c>: the concentration metrics and Lorenz curve of <paramref name="of"/>
    /// (<c>balances</c>, <c>provider-income</c> or <c>stake</c>); <paramref name="asset"/> (id or symbol, FSH by
    /// default) applies to balances.
    /// </summary>
    public Task<ConcentrationDto> GetConcentrationAsync(string of, string? asset = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(of);
        var path = "v1/analytics/concentration?of=" + Uri.EscapeDataString(of);
        if (asset is not null) path += "&asset=" + Uri.EscapeDataString(asset);
        return GetJsonAsync<ConcentrationDto>(path, ct)!;
    }

    /// <summary>
    /// <c>GET /v1/analytics/gini-series</c>: the Gini and Nakamoto coefficients of cumulative <paramref name="of"/>
    /// (<c>provider-income</c>) at <paramref name="points"/> evenly spaced heights (the node's default when null).
    /// </summary>
    public Task<GiniSeriesDto> GetGiniSeriesAsync(string of = "provider-income", int? points = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(of);
        var path = "v1/analytics/gini-series?of=" + Uri.EscapeDataString(of);
        if (points is { } p) path += "&points=" + p.ToString(CultureInfo.InvariantCulture);
        return GetJsonAsync<GiniSeriesDto>(path, ct)!;
    }

    /// <summary>
    /// <c>POST /v1/internal/signatures</c>: gives the node a validator's signature of its committed header at
    /// <paramref name="height"/>. Throws with <c>unknown_block</c> when the node has no such block yet, or
    /// <c>bad_signature</c> when it is not a validator's valid signature of that header.
    /// </summary>
    public async Task SubmitSignatureAsync(ulong height, BlockSignature signature, CancellationToken ct = default)
    {
        var body = new SignatureSubmission(height, new SignatureDto(signature.Validator.ToString(), Convert.ToHexStringLower(signature.Signature)));
        using var response = await CallAsync(() => _http.PostAsJsonAsync("v1/internal/signatures", body, Json, ct), ct).ConfigureAwait(false);
        await ThrowIfErrorAsync(response, ct).ConfigureAwait(false);
    }

    /// <summary>GETs a JSON document (null on 404 when asked).</summary>
    public async Task<T?> GetJsonAsync<T>(string path, CancellationToken ct = default, bool nullOn404 = false)
        where T : class
    {
        return await SendAsync<T>(() => _http.GetAsync(path, ct), ct, nullOn404).ConfigureAwait(false)
            ?? (nullOn404 ? null : throw Malformed(path));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private async Task<byte[]?> GetBytesAsync(string path, CancellationToken ct)
    {
        using var response = await CallAsync(() => _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct), ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        await ThrowIfErrorAsync(response, ct).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
    }

    private async Task<T?> SendAsync<T>(Func<Task<HttpResponseMessage>> send, CancellationToken ct, bool nullOn404 = false)
        where T : class
    {
        using var response = await CallAsync(send, ct).ConfigureAwait(false);
        if (nullOn404 && response.StatusCode == HttpStatusCode.NotFound) return null;
        await ThrowIfErrorAsync(response, ct).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new FairshareApiException(ApiError.Of("malformed_response", $"{BaseUrl} answered with JSON this client cannot read: {e.Message}", (int)response.StatusCode), e);
        }
    }

    private async Task<HttpResponseMessage> CallAsync(Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw Unreachable(e);
        }
    }

    private FairshareApiException Unreachable(Exception e) =>
        new(ApiError.Of("unreachable", $"cannot reach the node at {BaseUrl} ({e.Message}); is 'fairshare node start' running there?", 0), e);

    private FairshareApiException Malformed(string path) =>
        new(ApiError.Of("malformed_response", $"{BaseUrl}{path} answered with something this client cannot read", 0, "/" + path));

    private static async Task ThrowIfErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        int status = (int)response.StatusCode;
        var error = await ReadProblemAsync(response.Content, status, ct).ConfigureAwait(false)
            ?? ApiError.Of("http_" + status, $"the node answered {status} {response.ReasonPhrase}", status, title: response.ReasonPhrase);
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        throw new FairshareApiException(error)
        {
            RetryAfter = retryAfter is { Ticks: > 0 } wait ? wait : null,
        };
    }

    /// <summary>
    /// The problem details of an error answer with <paramref name="status"/>: RFC 9457's members and the <c>code</c>
    /// extension, or an older node's <c>{code, message}</c>; null when the body is not JSON with a code. Read leniently:
    /// a member of the wrong kind is taken as absent, and the status is the answer's, not the body's.
    /// </summary>
    public static async Task<ApiError?> ReadProblemAsync(HttpContent content, int status, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var document = await JsonDocument.ParseAsync(await content.ReadAsStreamAsync(ct).ConfigureAwait(false), default, ct).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "code") is not { } code) return null;
            var detail = Text(root, "detail") ?? Text(root, "message") ?? $"the node answered {status} with code {code}";
            var error = ApiError.Of(code, detail, status, Text(root, "instance"), Text(root, "title"));
            return error with { Type = Text(root, "type") ?? error.Type, Title = Text(root, "title") ?? error.Title };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement problem, string member) =>
        problem.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
