using System.Text.Json;
using Fairshare.Client;
using Fairshare.Client.Dto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;
using Fairshare.Node.Indexing;
using Fairshare.Server.Cluster;
using Fairshare.Server.Http;
using Fairshare.Server.Metrics;
using Fairshare.Server.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fairshare.Server.Endpoints;

/// <summary><c>POST /v1/transactions</c> (with forwarding to the leader), <c>GET /v1/transactions/{id}</c> and <c>GET /v1/flows</c>.</summary>
internal static class TransactionEndpoints
{
    private const int DefaultFlowLimit = 1_000;
    private const int MaxFlowLimit = 10_000;

    public static void Map(IEndpointRouteBuilder routes, NodeApiOptions options)
    {
        routes.MapPost("/v1/transactions", (HttpContext context, ILedgerService ledger, LeaderForwarder forwarder, NodeMetrics metrics) =>
                SubmitAsync(context, ledger, forwarder, metrics, options))
            .WithName("SubmitTransactions").WithTags("transactions")
            .WithSummary("Submit signed transactions")
            .WithDescription("Each transaction is the base64 of its canonical encoding. Followers forward to the leader. With wait, "
                + "answers once each is committed (code Ok, with its height and events) or refused (another ResultCode name); "
                + "Pending when the wait timed out.")
            .Accepts<SubmitRequest>("application/json")
            .Produces<SubmitResponse>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status415UnsupportedMediaType, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable, ApiErrors.ContentType);

        routes.MapGet("/v1/transactions/{id}", (string id, ILedgerService ledger, IndexHolder index) =>
            {
                if (!RouteValues.TryHash(id, out var txId, out var error)) return error!;
                if (index.Index is null) return NoIndex();
                return index.Index.FindTransaction(txId) is { } found
                    ? Results.Ok(ChainViews.Outcome(found))
                    : ApiErrors.NotFound("tx_not_found", $"no committed transaction {txId} is indexed here (indexed up to block {index.Index.IndexedHeight})");
            })
            .WithName("GetTransaction").WithTags("transactions")
            .WithSummary("A committed transaction's outcome, from the index")
            .Produces<TxOutcome>()
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status501NotImplemented, ApiErrors.ContentType);

        routes.MapGet("/v1/flows", (string? account, string? tag, string? asset, string? from, string? to, string? limit, ILedgerService ledger, IndexHolder index) =>
                Flows(account, tag, asset, from, to, limit, ledger, index))
            .WithName("GetFlows").WithTags("transactions")
            .WithSummary("Flow-tagged events from the index, in chain order")
            .WithDescription("Filters: account (fs1…, as sender or receiver), tag (a FlowTag name such as JobPayment or job-payment), "
                + "asset (id or symbol), from and to (inclusive heights), limit (default 1000, at most 10000).")
            .Produces<IReadOnlyList<FlowDto>>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status501NotImplemented, ApiErrors.ContentType);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, ILedgerService ledger, LeaderForwarder forwarder, NodeMetrics metrics, NodeApiOptions options)
    {
        if (!RouteValues.IsJson(context.Request)) return RouteValues.UnsupportedMediaType("application/json: {\"transactions\": [base64, …], \"wait\": true}");
        SubmitRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<SubmitRequest>(context.Request.Body, FairshareClient.Json, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return ApiErrors.BadRequest("malformed_json", $"the body is not a submit request: {e.Message}");
        }

        if (request?.Transactions is null)
            return ApiErrors.BadRequest("malformed_json", "the body must be {\"transactions\": [base64, …], \"wait\": true|false}");
        if (request.Transactions.Count == 0) return ApiErrors.BadRequest("no_transactions", "send at least one transaction");
        if (request.Transactions.Count > options.MaxTransactionsPerRequest)
            return ApiErrors.BadRequest("too_many_transactions", $"{request.Transactions.Count} transactions in one request; at most {options.MaxTransactionsPerRequest} per request");

        var transactions = new SignedTransaction[request.Transactions.Count];
        for (int i = 0; i < transactions.Length; i++)
        {
            var text = request.Transactions[i];
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(text ?? "");
            }
            catch (FormatException)
            {
                return ApiErrors.BadRequest("bad_encoding", $"transaction {i} is not base64");
            }

            var code = TransactionCodec.TryDecode(bytes, out var decoded);
            if (code != ResultCode.Ok) return ApiErrors.BadRequest("bad_encoding", $"transaction {i} does not decode as a signed transaction ({code})");
            transactions[i] = decoded!;
        }

        // Charged before anything is verified: a caller's bad signatures cost its own budget, not everyone's time.
        if (context.RequestServices.GetService<SignatureBudget>() is { } budget && !NodeApi.IsExempt(context)
            && budget.TryCharge(NodeApi.ClientOf(context), transactions.Length) is { } wait)
        {
            return ApiErrors.Result(StatusCodes.Status429TooManyRequests, "rate_limited",
                $"{transactions.Length} signatures are more than this address may have checked now ({budget.PerSecond} a second); wait and retry, or send smaller batches", wait);
        }

        metrics.Submitted(transactions.Length);
        var result = await ledger.SubmitAsync(transactions, request.Wait, options.WaitTimeout, context.RequestAborted).ConfigureAwait(false);
        switch (result.Status)
        {
            case SubmitStatus.Accepted:
                metrics.Refused(result.Outcomes.Count(o => !o.IsPending && o.Code != ResultCode.Ok));
                return Results.Ok(new SubmitResponse([.. result.Outcomes.Select(ChainViews.Outcome)]));
            case SubmitStatus.Busy:
                return ApiErrors.Unavailable("busy", "the leader's mempool is full; retry shortly");
            default:
                return await ForwardAsync(context, ledger, forwarder, transactions, request.Wait).ConfigureAwait(false);
        }
    }

    private static async Task<IResult> ForwardAsync(HttpContext context, ILedgerService ledger, LeaderForwarder forwarder, SignedTransaction[] transactions, bool wait)
    {
        if (context.Request.Headers.ContainsKey(LeaderForwarder.ForwardedHeader))
            return ApiErrors.Unavailable("no_leader", "this member was sent a forwarded request but does not lead (an election is under way); retry shortly");
        var leader = ledger.Cluster.LeaderApiUrl;
        if (leader is null) return ApiErrors.Unavailable("no_leader", "no leader is known now (an election is under way); retry shortly");
        try
        {
            var response = await forwarder.For(leader).SubmitAsync(transactions, wait, context.RequestAborted).ConfigureAwait(false);
            return Results.Ok(response);
        }
        catch (FairshareApiException e) when (e.Status == 0)
        {
            return ApiErrors.Unavailable("leader_unreachable", $"the leader at {leader} did not answer ({e.Message}); retry shortly");
        }
        catch (FairshareApiException e)
        {
            return ApiErrors.Relay(e.Error, e.Status == StatusCodes.Status503ServiceUnavailable ? TimeSpan.FromSeconds(1) : null);
        }
    }

    private static IResult Flows(string? account, string? tag, string? asset, string? from, string? to, string? limit, ILedgerService ledger, IndexHolder index)
    {
        Address? who = null;
        if (account is not null)
        {
            if (!RouteValues.TryAddress(account, out var address, out var error)) return error!;
            who = address;
        }

        FlowTag? flowTag = null;
        if (tag is not null)
        {
            if (!RouteValues.TryFlowTag(tag, out var parsed))
                return ApiErrors.BadRequest("bad_tag", $"'{tag}' is not a flow tag; one of {string.Join(", ", Enum.GetNames<FlowTag>())}");
            flowTag = parsed;
        }

        AssetId? assetId = null;
        if (asset is not null)
        {
            assetId = uint.TryParse(asset, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? new AssetId(id)
                : ledger.Read(state => state.Assets.FirstOrDefault(a => string.Equals(a.Symbol, asset, StringComparison.OrdinalIgnoreCase))?.Id);
            if (assetId is null) return ApiErrors.BadRequest("bad_asset", $"'{asset}' is neither an asset id nor a known symbol");
        }

        ulong head = ledger.Head.Height;
        ulong fromHeight = 0, toHeight = ulong.MaxValue;
        if (from is not null && !RouteValues.TryHeight(from, head, out fromHeight, out var badFrom)) return badFrom!;
        if (to is not null && !RouteValues.TryHeight(to, head, out toHeight, out var badTo)) return badTo!;
        int count = DefaultFlowLimit;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxFlowLimit))
            return ApiErrors.BadRequest("bad_limit", $"limit '{limit}' is not a whole number from 1 to {MaxFlowLimit}");
        if (index.Index is null) return NoIndex();

        var flows = index.Index.Flows(new FlowQuery(fromHeight, toHeight, who, flowTag, assetId, count));
        return Results.Ok(flows.Select(ChainViews.Flow).ToList());
    }

    private static IResult NoIndex() => ApiErrors.Result(StatusCodes.Status501NotImplemented, "no_index",
        "this node keeps no index of transactions and flows; start it with an index (--index sqlite|postgres) or ask another node");
}
