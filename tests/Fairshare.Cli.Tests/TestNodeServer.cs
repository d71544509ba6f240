using Fairshare.Cli.Chain;
using Fairshare.Client.Dto;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fairshare.Cli.Tests;

/// <summary>
/// A stand-in for 'fairshare node start' in CLI tests: a single LedgerNode behind exactly the SDK routes the CLI uses
/// (health, status, genesis, state, account proofs, blocks raw/json/receipts, transactions POST), on 127.0.0.1 with a free port.
/// </summary>
public sealed class TestNodeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LedgerNode _node;
    private readonly Lock _gate = new();
    private int _requests;
    private int _stateDownloads;
    private int _proofReads;

    private TestNodeServer(WebApplication app, LedgerNode node)
    {
        _app = app;
        _node = node;
    }

    /// <summary>The API base URL.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>How many requests reached the server.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>How many times /v1/state was downloaded.</summary>
    public int StateDownloads => Volatile.Read(ref _stateDownloads);

    /// <summary>How many account proofs (/v1/accounts/{address}/proof) were served.</summary>
    public int ProofReads => Volatile.Read(ref _proofReads);

    /// <summary>
    /// When set, /v1/state serves a state with one nonce changed and its head's root recomputed: it decodes, but no longer
    /// matches the signed block; account proofs are made from that state, so they lead to another root than the header's.
    /// </summary>
    public bool TamperState { get; set; }

    /// <summary>When set, /v1/state and account proofs answer 503 with a problem document of code <c>not_ready</c>.</summary>
    public bool RefuseState { get; set; }

    /// <summary>
    /// When set, POST /v1/transactions answers every transaction <c>Pending</c> and commits nothing: a node that accepted
    /// them but did not commit them within the wait.
    /// </summary>
    public bool AcknowledgeOnly { get; set; }

    /// <summary>The committed height.</summary>
    public ulong Height
    {
        get
        {
            lock (_gate) return _node.State.Head.Height;
        }
    }

    /// <summary>The committed state root.</summary>
    public Hash32 StateRoot
    {
        get
        {
            lock (_gate) return _node.State.Head.StateRoot;
        }
    }

    /// <summary>Opens the node on an initialised data directory and starts serving.</summary>
    public static async Task<TestNodeServer> StartAsync(string dataDirectory)
    {
        var node = LedgerNode.Open(new DataDirectory(dataDirectory));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new TestNodeServer(app, node);
        server.Map();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        lock (_gate) _node.Dispose();
    }

    private void Map()
    {
        _app.Use(async (http, next) =>
        {
            Interlocked.Increment(ref _requests);
            await next(http);
        });
        _app.MapGet("/health", () => "ok");
        _app.MapGet("/v1/status", Status);
        _app.MapGet("/v1/genesis", () => Results.Text(File.ReadAllText(_node.Directory.GenesisPath), "application/json"));
        _app.MapGet("/v1/state", State);
        _app.MapGet("/v1/accounts/{address}/proof", (string address) => Proof(Address.Parse(address)));
        _app.MapGet("/v1/blocks/{height}", (ulong height) => WithBlock(height, block => Results.Json(ToDto(block))));
        _app.MapGet("/v1/blocks/{height}/raw", (ulong height) => WithBlock(height, block => Results.Bytes(block.Encode(), "application/octet-stream")));
        _app.MapGet("/v1/blocks/{height}/receipts", (ulong height) => WithBlock(height, _ =>
        {
            lock (_gate) return Results.Json(_node.ReadReceipts(height).Select(ReceiptDto.Of).ToList());
        }));
        _app.MapPost("/v1/transactions", (SubmitRequest request) => Submit(request));
    }

    private IResult Status()
    {
        lock (_gate)
        {
            var head = _node.State.Head;
            return Results.Json(new NodeStatus(_node.State.ChainId, head.Height, head.BlockHash.ToString(), head.StateRoot.ToString(), head.TimestampMs,
                "leader", Url.ToString(), 1, [Url.ToString()], _node.Key.PublicKey.ToString(), 0));
        }
    }

    private IResult State()
    {
        Interlocked.Increment(ref _stateDownloads);
        if (RefuseState) return Problem("not_ready", "the node is still recovering its state; try again in a moment", 503);
        byte[] bytes;
        lock (_gate) bytes = StateSnapshot.Encode(_node.State);
        if (TamperState) bytes = StateSnapshot.Encode(Tampered(bytes));
        return Results.Bytes(bytes, "application/octet-stream");
    }

    private IResult Proof(Address address)
    {
        Interlocked.Increment(ref _proofReads);
        if (RefuseState) return Problem("not_ready", "the node is still recovering its state; try again in a moment", 503);
        SignedAccountProof proof;
        lock (_gate)
        {
            var state = _node.State;
            ulong height = state.Head.Height;
            var header = height == 0 ? null : _node.ReadBlock(height)!.Header;
            var signatures = height == 0 ? [] : _node.ReadSignatures(height);
            proof = SignedAccountProof.Create(TamperState ? Tampered(StateSnapshot.Encode(state)) : state, address, header, signatures);
        }

        return Results.Bytes(proof.Encode(), "application/octet-stream");
    }

    private static LedgerState Tampered(byte[] snapshot)
    {
        Assert.Equal(ResultCode.Ok, StateSnapshot.TryDecode(snapshot, out var copy));
        var account = copy!.AccountsInOrder().First();
        copy.SetNonce(account, account.Nonce + 1000);
        copy.Commit();
        copy.AdvanceHead(copy.Head with { StateRoot = copy.ComputeRoot() });
        return copy;
    }

    private IResult WithBlock(ulong height, Func<Block, IResult> answer)
    {
        Block? block;
        lock (_gate) block = _node.ReadBlock(height);
        return block is null ? Problem("block_not_found", $"no block at height {height}", 404) : answer(block);
    }

    private IResult Submit(SubmitRequest request)
    {
        var decoded = new List<SignedTransaction>();
        foreach (var text in request.Transactions)
        {
            var bytes = Convert.FromBase64String(text);
            if (TransactionCodec.TryDecode(bytes, out var tx) != ResultCode.Ok)
                return Problem("bad_transaction", "a transaction does not decode", 400);
            decoded.Add(tx!);
        }

        if (AcknowledgeOnly) return Results.Json(new SubmitResponse([.. decoded.Select(tx => new TxOutcome(tx.Id.ToString(), TxOutcome.Pending, null, null))]));
        lock (_gate)
        {
            var outcome = _node.Commit(decoded);
            var receipts = outcome.Produced?.Receipts ?? [];
            var results = decoded.Select(tx =>
            {
                var receipt = receipts.FirstOrDefault(r => r.TxId == tx.Id);
                if (receipt is not null)
                    return new TxOutcome(tx.Id.ToString(), receipt.Code.ToString(), outcome.Produced!.Block!.Header.Height, [.. receipt.Events.Select(EventDto.Of)]);
                var code = outcome.Rejected.FirstOrDefault(r => r.Transaction.Id == tx.Id)?.Code ?? ResultCode.InvalidValue;
                return new TxOutcome(tx.Id.ToString(), code.ToString(), null, null);
            });
            return Results.Json(new SubmitResponse([.. results]));
        }
    }

    private static BlockDto ToDto(Block block)
    {
        var h = block.Header;
        return new BlockDto(h.Height, h.Hash().ToString(), h.PreviousHash.ToString(), h.TimestampMs, h.TransactionRoot.ToString(), h.StateRoot.ToString(),
            h.ReceiptsRoot.ToString(), h.Proposer.ToString(), [.. block.Transactions.Select(t => t.Id.ToString())],
            [.. block.Signatures.Select(s => new SignatureDto(s.Validator.ToString(), Convert.ToHexStringLower(s.Signature)))]);
    }

    private static IResult Problem(string code, string message, int status) =>
        Results.Json(ApiError.Of(code, message, status), statusCode: status, contentType: "application/problem+json");
}
