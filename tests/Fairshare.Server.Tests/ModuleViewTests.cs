using Fairshare.Client.Dto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Server.Tests.Support;
using Fairshare.Testing;

namespace Fairshare.Server.Tests;

/// <summary>
/// The module views return what the state holds, after real transactions sent through the SDK: a provider bonds and
/// registers, the issuer seeds an FSH/USDF pool, alice opens a USDF lending market, locks FSH and proposes, and a
/// client's job is matched to the provider, who commits to an output.
/// </summary>
public sealed class ModuleViewTests : IAsyncLifetime
{
    private static readonly Amount Fsh = Units.OneFsh;
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Views_ShowOffersPoolsMarketsProposalsStakeAndJobs()
    {
        var provider = TestNode.ProviderName;
        var offer = new ProviderProfile(provider, new Amount(50), 2).Offer;
        var feeSwitch = GovernableParameters.FindByName("amm.protocol-fee-on")!;
        var issuer = _node.Keys.Key("issuer").Address;
        await _node.CommitAsync(
            _node.Sign(provider, new StakeSelfBondPayload(new Amount(1_000) * Fsh, 500)),
            _node.Sign(provider, new MarketRegisterPayload(offer), nonceOffset: 1),
            _node.Sign("issuer", new MintStablePayload(issuer, new Amount(1_000) * Fsh)),
            _node.Sign("alice", new GovLockPayload(new Amount(500) * Fsh)),
            _node.Sign("alice", new LendCreateMarketPayload(AssetId.Usdf), nonceOffset: 1));
        var spec = MarketHarness.Spec(VerificationPolicy.SpotCheck);
        await _node.CommitAsync(
            _node.Sign("issuer", new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, new Amount(100) * Fsh, new Amount(200) * Fsh, Amount.Zero, Amount.Zero)),
            _node.Sign("alice", new GovProposePayload([new GovAction(feeSwitch.Module, feeSwitch.Id, new Amount(1))], "turn the fee switch on")),
            _node.Sign("bob", new MarketSubmitJobPayload(spec)));
        var client = _node.Client;

        var offered = Assert.Single(await client.GetOffersAsync());
        Assert.Equal(_node.Keys.Key(provider).Address.ToString(), offered.Provider);
        Assert.Equal(("available", false, "50", 2), (offered.Status, offered.Jailed, offered.PricePerWorkUnit, offered.Capacity));
        Assert.Equal((new Amount(1_000) * Fsh).ToString(), offered.SelfBonded);

        var stake = Assert.Single(await client.GetStakePoolsAsync());
        Assert.Equal((offered.Provider, 500, offered.SelfBonded), (stake.Provider, stake.CommissionBps, stake.Tokens));

        var pool = Assert.Single(await client.GetPoolsAsync());
        Assert.Equal(("FSH", "USDF"), (pool.Asset0, pool.Asset1));
        Assert.Equal(((new Amount(100) * Fsh).ToString(), (new Amount(200) * Fsh).ToString()), (pool.Reserve0, pool.Reserve1));
        Assert.Equal("2000000000000000000", pool.SpotPrice0);

        var market = Assert.Single(await client.GetLendingMarketsAsync());
        Assert.Equal("USDF", market.Asset);
        Assert.Equal("0", market.Borrows);

        var proposal = Assert.Single(await client.GetProposalsAsync());
        Assert.Equal((1u, "turn the fee switch on", "token-weighted"), (proposal.Id, proposal.Description, proposal.Rule));
        Assert.Equal(_node.Keys.Key("alice").Address.ToString(), proposal.Proposer);
        Assert.Equal(("amm.protocol-fee-on", "1"), (proposal.Actions[0].Parameter, proposal.Actions[0].Value));
        Assert.Equal(("flag", "on"), (proposal.Actions[0].Unit, proposal.Actions[0].Text));

        var job = Assert.Single(await client.GetJobsAsync());
        Assert.Equal(_node.Keys.Key("bob").Address.ToString(), job.Client);
        var slot = job.Slots[0];
        Assert.Equal((offered.Provider, "Primary", "Assigned"), (slot.Provider, slot.Role, slot.Status));
        Assert.Null(slot.Commitment);
        Assert.Equal<JobPayoutDto>([new JobPayoutDto("still in escrow", null, job.Locked, FromEscrow: true)], job.Payouts);
        Assert.Single(await client.GetJobsAsync(status: job.State));
        Assert.Empty(await client.GetJobsAsync(status: nameof(JobState.Cancelled)));

        var salt = Hash32.Compute("salt"u8);
        var commitment = MarketCommitment.Compute(MarketHarness.Truth(spec), salt, _node.Keys.Key(provider).Address);
        await _node.CommitAsync(_node.Sign(provider, new MarketCommitPayload(job.Id, 0, commitment)));

        var trail = await client.GetJobAsync(job.Id);
        Assert.NotNull(trail);
        Assert.Equal((commitment.ToString(), "Committed"), (trail.Slots[0].Commitment, trail.Slots[0].Status));
        Assert.Equal(spec.Input.ToString(), trail.Input);
        Assert.Null(await client.GetJobAsync(job.Id + 100));
    }
}
