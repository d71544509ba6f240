using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>Every market refusal has its stable code and leaves every account, record and the state root as they were.</summary>
public sealed class MarketRefusalTests
{
    private static readonly Hash32 Output = Hash32.Compute("output"u8);

    public static TheoryData<ProviderOffer> BadOffers()
    {
        var good = new ProviderProfile("x", new Amount(10), 4).Offer;
        return
        [
            good with { Device = DeviceClass.Any },
            good with { Device = (DeviceClass)3 },
            good with { PricePerWorkUnit = Amount.Zero },
            good with { Capacity = 0 },
            good with { BenchmarkScore = 0 },
            good with { RenewablePercent = 101 },
            good with { Region = "eu-\u00e9" },
        ];
    }

    [Theory]
    [MemberData(nameof(BadOffers))]
    public void Register_RefusesAnOfferOutOfRange(ProviderOffer offer) =>
        MarketChain.Create().Refused("alpha", new MarketRegisterPayload(offer), ResultCode.MarketBadOffer);

    [Fact]
    public void Register_RefusesAnAccountBelowTheMinimumSelfBond() =>
        MarketChain.Create().Refused("client-0", new MarketRegisterPayload(new ProviderProfile("x", new Amount(10), 4).Offer), ResultCode.MarketInsufficientSelfBond);

    [Fact]
    public void HeartbeatAndDeregister_RefuseAnAccountWithoutAnOffer()
    {
        var m = MarketChain.Create();
        m.Refused("client-0", new MarketHeartbeatPayload(), ResultCode.MarketNotRegistered);
        m.Refused("client-0", new MarketDeregisterPayload(), ResultCode.MarketNotRegistered);
        m.Ok(("alpha", new MarketDeregisterPayload()));
        m.Refused("alpha", new MarketDeregisterPayload(), ResultCode.MarketNotRegistered);
    }

    public static TheoryData<JobSpec> BadSpecs()
    {
        var good = MarketHarness.Spec(VerificationPolicy.SpotCheck);
        return
        [
            good with { Kind = (JobKind)0 },
            good with { Model = Output },
            good with { Kind = JobKind.OnnxInference },
            good with { Input = default },
            good with { Device = (DeviceClass)9 },
            good with { WorkUnits = 0 },
            good with { WorkUnits = JobSpec.MaxWorkUnits + 1 },
            good with { MaxPricePerWorkUnit = Amount.Zero },
            good with { DeadlineBlocks = 0 },
            good with { DeadlineBlocks = JobSpec.MaxDeadlineBlocks + 1 },
            good with { Policy = (VerificationPolicy)4 },
        ];
    }

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void Submit_RefusesASpecOutOfRange(JobSpec spec) =>
        MarketChain.Create().Refused("client-0", new MarketSubmitJobPayload(spec), ResultCode.MarketBadJobSpec);

    [Theory]
    [InlineData(VerificationPolicy.Replicate, 1)]
    [InlineData(VerificationPolicy.Replicate, 6)]
    [InlineData(VerificationPolicy.SpotCheck, 2)]
    [InlineData(VerificationPolicy.Canary, 0)]
    public void Submit_RefusesAReplicaCountThePolicyDoesNotTake(VerificationPolicy policy, byte replicas) =>
        MarketChain.Create().Refused("client-0", new MarketSubmitJobPayload(MarketHarness.Spec(policy, replicas)), ResultCode.MarketBadReplicas);

    [Fact]
    public void Submit_RefusesAnEscrowTheClientCannotLockOrThatOverflows()
    {
        var m = MarketChain.Create();
        m.Refused("client-0", new MarketSubmitJobPayload(MarketHarness.Spec(VerificationPolicy.Canary, cap: MarketHarness.Fsh(200_000))), ResultCode.InsufficientBalance);
        m.Refused("client-0", new MarketSubmitJobPayload(MarketHarness.Spec(VerificationPolicy.Canary, cap: Amount.MaxValue)), ResultCode.AmountOverflow);
    }

    [Fact]
    public void Cancel_RefusesAMissingJob_AnotherClientsJob_AndAMatchedJob()
    {
        var m = MarketChain.Create();
        m.Refused("client-0", new MarketCancelJobPayload(99), ResultCode.MarketJobNotFound);
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck));
        m.Refused("client-1", new MarketCancelJobPayload(id), ResultCode.MarketNotJobClient);
        Assert.Equal(JobState.Running, m.Job(id).State);
        m.Refused("client-0", new MarketCancelJobPayload(id), ResultCode.MarketJobNotCancellable);
    }

    [Fact]
    public void CommitAndReveal_RefuseWhatTheSlotDoesNotExpect()
    {
        var m = MarketChain.Create();
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.Replicate, 2));
        var salt = MarketChain.Salt(1);
        m.Refused("alpha", new MarketCommitPayload(98, 0, Output), ResultCode.MarketJobNotFound);
        m.Refused("alpha", new MarketCommitPayload(id, 7, Output), ResultCode.MarketBadSlot);
        m.Refused("beta", m.Commit(id, 0, Output, salt), ResultCode.MarketNotSlotProvider);
        m.Refused("alpha", new MarketRevealPayload(id, 0, Output, salt, 0), ResultCode.MarketSlotNotCommitted);
        m.Ok(("alpha", m.Commit(id, 0, Output, salt)));
        m.Refused("alpha", m.Commit(id, 0, Output, salt), ResultCode.MarketSlotNotAssigned);
        m.Refused("alpha", new MarketRevealPayload(id, 0, Output, salt, 0), ResultCode.MarketRevealNotOpen);
        m.Ok(("beta", m.Commit(id, 1, Output, salt)));
        m.Refused("alpha", new MarketRevealPayload(id, 0, Output, MarketChain.Salt(2), 0), ResultCode.MarketCommitmentMismatch);
        m.Refused("alpha", new MarketRevealPayload(id, 0, Hash32.Compute("other"u8), salt, 0), ResultCode.MarketCommitmentMismatch);
        m.Refused("alpha", new MarketRevealPayload(id, 0, Output, salt, 0b10), ResultCode.MarketBadAgreeMask);
        m.Ok(("alpha", new MarketRevealPayload(id, 0, Output, salt, 0)), ("beta", new MarketRevealPayload(id, 1, Output, salt, 0)));
        Assert.Equal(JobState.Settled, m.Job(id).State);
        m.Refused("alpha", new MarketRevealPayload(id, 0, Output, salt, 0), ResultCode.MarketJobNotActive);
    }

    [Fact]
    public void ACopiedCommitment_CannotBeRevealed_ByAnotherProvider()
    {
        var m = MarketChain.Create();
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.Replicate, 2));
        var alphas = m.Commit(id, 0, Output, MarketChain.Salt(1));
        m.Ok(("alpha", alphas), ("beta", new MarketCommitPayload(id, 1, alphas.Commitment)));
        m.Ok(("alpha", new MarketRevealPayload(id, 0, Output, MarketChain.Salt(1), 0)));
        m.Refused("beta", new MarketRevealPayload(id, 1, Output, MarketChain.Salt(1), 0), ResultCode.MarketCommitmentMismatch);
    }

    [Fact]
    public void RevealExpected_RefusesTheWrongJobClientOrTime_AndAWrongSeal()
    {
        var m = MarketChain.Create(parameters: p => p with { ExpectedWindowBlocks = 3 });
        var salt = MarketChain.Salt(9);
        var truth = MarketHarness.Truth(MarketHarness.Spec(VerificationPolicy.Canary));
        var canary = MarketHarness.Spec(VerificationPolicy.Canary) with { Seal = MarketCommitment.Seal(truth, salt) };
        ulong spot = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 5));
        ulong id = m.Submit(canary);
        m.Refused("client-0", new MarketRevealExpectedPayload(77, truth, salt), ResultCode.MarketJobNotFound);
        m.Refused("client-1", new MarketRevealExpectedPayload(id, truth, salt), ResultCode.MarketNotJobClient);
        m.Refused("client-0", new MarketRevealExpectedPayload(spot, truth, salt), ResultCode.MarketNotCanary);
        m.Refused("client-0", new MarketRevealExpectedPayload(id, truth, salt), ResultCode.MarketExpectedNotOpen);
        string provider = m.Holder(id, 0);
        m.Ok((provider, m.Commit(id, 0, truth, salt)));
        m.Ok((provider, new MarketRevealPayload(id, 0, truth, salt, 0)));
        Assert.NotEqual(0ul, m.Job(id).ExpectedDeadline);
        m.Refused("client-0", new MarketRevealExpectedPayload(id, truth, MarketChain.Salt(8)), ResultCode.MarketSealMismatch);
        m.Blocks(2);
        Assert.Equal(JobState.Settled, m.Job(id).State);
        m.Refused("client-0", new MarketRevealExpectedPayload(id, truth, salt), ResultCode.MarketExpectedNotOpen);
    }
}
