using Fairshare.Client;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Primitives;
using Fairshare.Server.Tests.Support;
using Fairshare.Testing;

namespace Fairshare.Server.Tests;

/// <summary>
/// <c>GET /v1/accounts/{address}/proof</c> through the SDK (<see cref="FairshareClient.GetVerifiedAccountAsync"/>): a
/// known and an unknown account read light, checked against the signed head, in well under 10 KB; a node that alters
/// the proof or signs with a key the caller does not trust is refused with <c>state_unverified</c>.
/// </summary>
public sealed class AccountProofRouteTests : IAsyncLifetime
{
    private const int TenKilobytes = 10 * 1024;
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task KnownAndUnknownAccounts_ReadLight_AndVerify_AgainstTheSignedHead()
    {
        var client = _node.Client;
        var alice = _node.Keys.Key("alice").Address;
        var bob = _node.Keys.Key("bob").Address;
        var genesis = await client.GetVerifiedAccountAsync(alice);
        Assert.Equal(0UL, genesis.Height);
        Assert.Null(genesis.Header);
        Assert.Equal(TestChain.StartingBalance, genesis.BalanceOf(AssetId.Fsh));

        ulong height = await _node.CommitAsync(_node.Transfer("alice", "bob", 12_345));

        var read = await client.GetVerifiedAccountAsync(bob, [_node.Ledger.Validator]);
        Assert.Equal(height, read.Height);
        Assert.NotNull(read.Header);
        Assert.Equal(TestChain.Id, read.ChainId);
        var (stateRoot, nonce, balance) = _node.Ledger.Read(s => (s.Head.StateRoot, s.Find(bob)!.Nonce, s.BalanceOf(bob, AssetId.Fsh)));
        Assert.Equal(stateRoot, read.Header.StateRoot);
        Assert.Equal(TestChain.StartingBalance + new Amount(12_345), read.BalanceOf(AssetId.Fsh));
        Assert.Equal(balance, read.BalanceOf(AssetId.Fsh));
        Assert.Equal(nonce, read.Nonce);
        Assert.Equal(1UL, (await client.GetVerifiedAccountAsync(alice)).Nonce);
        Assert.Contains(read.Assets, a => a.Symbol == "FSH" && a.Decimals == 18);
        Assert.True(read.ResponseBytes < TenKilobytes, $"{read.ResponseBytes} bytes");

        var stranger = Address.ForModule("proof-route-stranger");
        var unknown = await client.GetVerifiedAccountAsync(stranger);
        Assert.Null(unknown.Account);
        Assert.Equal(0UL, unknown.Nonce);
        Assert.Equal(height, unknown.Height);
        Assert.True(unknown.ResponseBytes < TenKilobytes, $"{unknown.ResponseBytes} bytes");

        using var http = new HttpClient { BaseAddress = _node.Url };
        var response = await http.GetAsync($"v1/accounts/{bob}/proof");
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(read.ResponseBytes, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task AnAlteredProof_OrAnUntrustedSigner_IsRefused()
    {
        await _node.CommitAsync(_node.Transfer("alice", "bob", 1));
        var bob = _node.Keys.Key("bob").Address;
        using var stranger = KeyPair.ForDevelopment("proof-route-untrusted");

        var untrusted = await Assert.ThrowsAsync<FairshareApiException>(() => _node.Client.GetVerifiedAccountAsync(bob, [stranger.PublicKey]));
        Assert.Equal("state_unverified", untrusted.Code);
        Assert.Contains("does not match its signed block", untrusted.Message, StringComparison.Ordinal);

        Func<SignedAccountProof, SignedAccountProof>[] alterations =
        [
            p => p with { Proof = p.Proof with { RecordsRoot = Hash32.Compute("other"u8) } },
            p => p with { Proof = p.Proof with { Bucket = [] } },
            p => p with { Signatures = [] },
            p => p with { Signatures = [BlockSignature.Sign(p.Header!, stranger)] },
            p => p with { Proof = p.Proof with { Address = Address.ForModule("someone-else") } },
        ];
        foreach (var alter in alterations)
        {
            using var http = new HttpClient(new Altering(alter)) { BaseAddress = _node.Url };
            using var client = new FairshareClient(http);
            var refused = await Assert.ThrowsAsync<FairshareApiException>(() => client.GetVerifiedAccountAsync(bob));
            Assert.Equal("state_unverified", refused.Code);
        }
    }

    /// <summary>Passes requests to the node and rewrites its proof answers.</summary>
    private sealed class Altering(Func<SignedAccountProof, SignedAccountProof> alter) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            Assert.Equal(ResultCode.Ok, SignedAccountProof.TryDecode(bytes, out var proof));
            response.Content = new ByteArrayContent(alter(proof!).Encode());
            return response;
        }
    }
}
