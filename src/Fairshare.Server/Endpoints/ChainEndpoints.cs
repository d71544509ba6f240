using Fairshare.Client.Dto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;
using Fairshare.Server.Http;
using Fairshare.Server.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fairshare.Server.Endpoints;

/// <summary>Health, status, genesis, accounts (JSON and proofs), blocks (JSON and raw), receipts and the state snapshot.</summary>
internal static class ChainEndpoints
{
    private const string OctetStream = "application/octet-stream";

    public static void Map(IEndpointRouteBuilder routes, NodeApiOptions options)
    {
        routes.MapGet("/health", (ILedgerService ledger) => Results.Ok(new HealthDto("ok", ledger.Head.Height)))
            .WithName("Health").WithTags("node").WithSummary("Liveness and the committed height (not rate limited)")
            .Produces<HealthDto>();

        routes.MapGet("/v1/status", (ILedgerService ledger) =>
            {
                var head = ledger.Head;
                var cluster = ledger.Cluster;
                return Results.Ok(new NodeStatus(
                    ledger.Genesis.ChainId, head.Height, head.BlockHash.ToString(), head.StateRoot.ToString(), head.TimestampMs,
                    cluster.Role, cluster.IsLeader ? cluster.SelfApiUrl : cluster.LeaderApiUrl, cluster.Term, cluster.MemberApiUrls,
                    ledger.Validator.ToString(), ledger.MempoolSize));
            })
            .WithName("GetStatus").WithTags("node").WithSummary("Where the node stands: head, role, leader, members, mempool")
            .Produces<NodeStatus>();

        string? genesisJson = options.GenesisJson;
        routes.MapGet("/v1/genesis", (ILedgerService ledger) => Results.Text(genesisJson ?? GenesisWriter.ToJson(ledger.Genesis), "application/json"))
            .WithName("GetGenesis").WithTags("node").WithSummary("The chain's genesis file")
            .Produces<string>(StatusCodes.Status200OK, "application/json");

        routes.MapGet("/v1/accounts/{address}", (string address, ILedgerService ledger) =>
                RouteValues.TryAddress(address, out var parsed, out var error)
                    ? Results.Ok(ledger.Read(state => ChainViews.Account(state, parsed)))
                    : error!)
            .WithName("GetAccount").WithTags("chain")
            .WithSummary("An account's nonce, cohort and balances by asset symbol (base units); unknown accounts have nonce 0")
            .Produces<AccountDto>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType);

        var headHeader = new HeadHeader();
        routes.MapGet("/v1/accounts/{address}/proof", (string address, ILedgerService ledger) =>
                RouteValues.TryAddress(address, out var parsed, out var error) ? ProveAccount(ledger, headHeader, parsed) : error!)
            .WithName("GetAccountProof").WithTags("chain")
            .WithSummary("A light read of one account: its SignedAccountProof at the committed head (the account's commitment bucket and path, "
                + "the header of the head block and its signatures); check it with the SDK's GetVerifiedAccountAsync")
            .Produces<byte[]>(StatusCodes.Status200OK, OctetStream)
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable, ApiErrors.ContentType);

        routes.MapGet("/v1/blocks/{height}", (string height, ILedgerService ledger) =>
            {
                if (!TryStoredHeight(height, ledger, out var h, out var error)) return error!;
                var block = ledger.ReadBlock(h);
                return block is null ? NoBlock(h, ledger) : Results.Ok(ChainViews.Block(block, ledger.ReadSignatures(h)));
            })
            .WithName("GetBlock").WithTags("chain")
            .WithSummary("A block's header, transaction ids and every validator signature the node holds ('latest' for the head)")
            .Produces<BlockDto>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiErrors.ContentType);

        routes.MapGet("/v1/blocks/{height}/raw", (string height, ILedgerService ledger) =>
            {
                if (!TryStoredHeight(height, ledger, out var h, out var error)) return error!;
                var raw = ledger.ReadRawBlock(h);
                return raw is null ? NoBlock(h, ledger) : Results.Bytes(raw, OctetStream);
            })
            .WithName("GetRawBlock").WithTags("chain").WithSummary("A block's canonical encoding")
            .Produces<byte[]>(StatusCodes.Status200OK, OctetStream)
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiErrors.ContentType);

        routes.MapGet("/v1/blocks/{height}/receipts", (string height, ILedgerService ledger) =>
            {
                if (!TryStoredHeight(height, ledger, out var h, out var error)) return error!;
                if (h == 0 || h > ledger.Head.Height) return NoBlock(h, ledger);
                return Results.Ok(ledger.ReadReceipts(h).Select(ReceiptDto.Of).ToList());
            })
            .WithName("GetReceipts").WithTags("chain").WithSummary("A block's receipts, the end-of-block receipt (zero tx id) last")
            .Produces<IReadOnlyList<ReceiptDto>>()
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiErrors.ContentType);

        routes.MapGet("/v1/state", (ILedgerService ledger) => Results.Bytes(ledger.EncodedState(), OctetStream))
            .WithName("GetState").WithTags("chain")
            .WithSummary("The committed state's canonical snapshot; check it against the signed block at its height")
            .Produces<byte[]>(StatusCodes.Status200OK, OctetStream);
    }

    /// <summary>
    /// The proof at the committed head, made under the state lock, with the header of the head's block and every
    /// signature of it the node holds. A block is stored in the same step that moves the head, so it is there, except
    /// right after the node adopted another validator's snapshot (then 503 until its next block).
    /// </summary>
    private static IResult ProveAccount(ILedgerService ledger, HeadHeader headHeader, Address address)
    {
        var (chainId, head, proof) = ledger.Read(state => (state.ChainId, state.Head, state.ProveAccount(address)));
        if (head.Height == 0) return Results.Bytes(new SignedAccountProof(chainId, proof, null, []).Encode(), OctetStream);
        var header = headHeader.Of(ledger, head);
        if (header is null)
            return ApiErrors.Unavailable("no_head_block", $"this node holds no block at its head {head.Height} (it adopted a snapshot); retry after its next block");
        return Results.Bytes(new SignedAccountProof(chainId, proof, header, ledger.ReadSignatures(head.Height)).Encode(), OctetStream);
    }

    /// <summary>The header of the head's block, read once per head (a stored block can be megabytes; its header is 250 bytes).</summary>
    private sealed class HeadHeader
    {
        private readonly Lock _gate = new();
        private BlockHeader? _last;

        public BlockHeader? Of(ILedgerService ledger, ChainHead head)
        {
            lock (_gate)
            {
                if (_last is { } last && IsOf(last, head)) return last;
            }

            var raw = ledger.ReadRawBlock(head.Height);
            if (raw is null) return null;
            var reader = new CanonicalReader(raw);
            var header = BlockHeader.Read(ref reader);
            if (header is null || !IsOf(header, head)) return null;
            lock (_gate) _last = header;
            return header;
        }

        private static bool IsOf(BlockHeader header, ChainHead head) => header.Height == head.Height && header.Hash() == head.BlockHash;
    }

    private static bool TryStoredHeight(string text, ILedgerService ledger, out ulong height, out IResult? error) =>
        RouteValues.TryHeight(text, ledger.Head.Height, out height, out error);

    private static IResult NoBlock(ulong height, ILedgerService ledger) => ApiErrors.NotFound("block_not_found", height == 0
        ? "height 0 is the genesis (GET /v1/genesis); blocks start at 1"
        : $"no block at height {height}; the latest is {ledger.Head.Height}");
}
