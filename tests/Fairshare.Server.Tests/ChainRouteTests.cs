using Fairshare.Client;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Server.Tests.Support;
using Fairshare.Testing;

namespace Fairshare.Server.Tests;

/// <summary>The chain's routes through the SDK against a real Kestrel: submit, then read back what was committed.</summary>
public sealed class ChainRouteTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Submit_CommitsAndEveryReadRouteShowsTheBlock()
    {
        var client = _node.Client;
        var bob = _node.Keys.Key("bob").Address;
        var before = await client.GetAccountAsync(bob);
        var tx = _node.Transfer("alice", "bob", 12_345);

        var response = await client.SubmitAsync([tx]);

        var outcome = Assert.Single(response.Results);
        Assert.True(outcome.IsCommitted, outcome.Code);
        Assert.Equal(tx.Id.ToString(), outcome.TxId);
        ulong height = outcome.Height!.Value;
        Assert.Contains(outcome.Events!, e => e.Tag == nameof(FlowTag.Transfer) && e.To == bob.ToString() && e.Amount == "12345");

        var after = await client.GetAccountAsync(bob);
        Assert.Equal(Amount.Parse(before.Balances["FSH"]) + new Amount(12_345), Amount.Parse(after.Balances["FSH"]));
        Assert.Equal(height, after.Height);
        Assert.Equal("Airdrop", after.Cohort);

        var block = await client.GetBlockAsync(height);
        Assert.NotNull(block);
        Assert.Equal([tx.Id.ToString()], block.Transactions);
        Assert.Equal(_node.Ledger.Validator.ToString(), block.Proposer);
        Assert.Equal(_node.Ledger.Validator.ToString(), Assert.Single(block.Signatures).Validator);
        Assert.Equal(height, (await client.GetJsonAsync<Client.Dto.BlockDto>("v1/blocks/latest"))!.Height);

        var receipts = await client.GetReceiptsAsync(height);
        Assert.Equal(tx.Id.ToString(), receipts[0].TxId);
        Assert.Equal("Ok", receipts[0].Code);

        var raw = await client.GetRawBlockAsync(height);
        Assert.NotNull(raw);
        Assert.Equal(block.Hash, raw.Header.Hash().ToString());

        var state = await client.GetStateAsync();
        Assert.Equal(height, state.State.Head.Height);
        Assert.Equal(raw.Header.StateRoot, state.State.ComputeRoot());
        Assert.NotNull(state.Block);

        var status = await client.GetStatusAsync();
        Assert.Equal(TestChain.Id, status.ChainId);
        Assert.Equal(height, status.Height);
        Assert.Equal("leader", status.Role);
        Assert.Equal(block.Hash, status.BlockHash);

        var found = await client.GetTransactionAsync(tx.Id);
        Assert.NotNull(found);
        Assert.Equal(height, found.Height);
        Assert.Null(await client.GetTransactionAsync(Hash32.Compute("nothing"u8)));

        var flows = await client.GetFlowsAsync(account: bob, tag: FlowTag.Transfer);
        var flow = Assert.Single(flows);
        Assert.Equal(("12345", height, tx.Id.ToString()), (flow.Amount, flow.Height, flow.TxId));
        Assert.Empty(await client.GetFlowsAsync(account: bob, tag: FlowTag.JobPayment));
        Assert.Empty(await client.GetFlowsAsync(account: bob, fromHeight: height + 1));

        Assert.Null(await client.GetBlockAsync(height + 1));
        Assert.Null(await client.GetRawBlockAsync(height + 1));
    }

    [Fact]
    public async Task Submit_WithABadSignature_IsRefusedAndChangesNothing()
    {
        var good = _node.Transfer("carol", "dave", 1);
        var forged = new SignedTransaction(good.Body, good.Signer, new byte[64]);
        var head = _node.Ledger.Head;

        var response = await _node.Client.SubmitAsync([forged]);

        Assert.Equal(nameof(ResultCode.BadSignature), Assert.Single(response.Results).Code);
        Assert.Equal(head, _node.Ledger.Head);
    }

    [Fact]
    public async Task Blobs_RoundTripByTheirHash()
    {
        var content = new byte[300_000];
        new Random(5).NextBytes(content);

        var address = await _node.Client.PutBlobAsync(content);

        Assert.Equal(Hash32.Compute(content), address);
        Assert.Equal(content, await _node.Client.GetBlobAsync(address));
        Assert.Null(await _node.Client.GetBlobAsync(Hash32.Compute("absent"u8)));
    }

    [Fact]
    public async Task Genesis_IsTheFileTheNodeHolds_AndHealthSaysOk()
    {
        Assert.Equal(_node.GenesisJson, await _node.Client.GetGenesisJsonAsync());
        var health = await _node.Client.GetHealthAsync();
        Assert.Equal("ok", health.Status);
        Assert.True(await _node.Client.IsHealthyAsync());
    }

    [Fact]
    public async Task Signatures_AreCheckedBeforeTheyAreKept()
    {
        ulong height = await _node.CommitAsync(_node.Transfer("dave", "carol", 2));
        var header = _node.Ledger.ReadBlock(height)!.Header;
        using var validator = KeyPair.ForDevelopment("test-validator");
        using var stranger = KeyPair.ForDevelopment("not-a-validator");

        await _node.Client.SubmitSignatureAsync(height, BlockSignature.Sign(header, validator));
        var bad = await Assert.ThrowsAsync<FairshareApiException>(() => _node.Client.SubmitSignatureAsync(height, BlockSignature.Sign(header, stranger)));
        var early = await Assert.ThrowsAsync<FairshareApiException>(() => _node.Client.SubmitSignatureAsync(height + 5, BlockSignature.Sign(header, validator)));

        Assert.Equal(("bad_signature", 400), (bad.Code, bad.Status));
        Assert.Equal(("unknown_block", 404), (early.Code, early.Status));
        Assert.Single(_node.Ledger.ReadSignatures(height));
    }
}
