using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>
/// <see cref="MarketStore.BlobsInUse"/>, the one rule of which blobs a node keeps: every blob named (model, input,
/// accepted and revealed outputs) by a job that is open, running or disputed, or that closed fewer than the retention's
/// blocks before the height asked about; nothing else.
/// </summary>
public sealed class BlobsInUseTests
{
    private const ulong Retention = 10;

    [Fact]
    public void OpenRunningAndRecentlySettledJobs_NeedTheirBlobs_AJobSettledLongAgoNeedsNone()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Honest);
        // Settled long ago: input 1, its output (every slot revealed the truth, which was accepted).
        var oldSpec = MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 1);
        m.Harness.Submit("client-0", oldSpec);
        m.RunToEnd();
        var old = m.Job(1);
        for (ulong i = 0; i < 2 * Retention; i++) m.Harness.Step(); // with the providers' heartbeats
        // Settled just now: an ONNX job, so it names a model too.
        var recentModel = Hash32.Compute("model of the recent job"u8);
        var recentSpec = MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 2) with { Kind = JobKind.OnnxInference, Model = recentModel };
        m.Harness.Submit("client-0", recentSpec);
        m.RunToEnd();
        var recent = m.Job(2);
        // Open: it asks for more memory than any provider offers, so nobody is matched.
        var openSpec = MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 3) with { MinMemoryMb = 1_000_000 };
        ulong open = m.Submit(openSpec);
        // Running: matched at the end of its block, nobody has committed yet.
        var runningModel = Hash32.Compute("model of the running job"u8);
        ulong running = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 4) with { Kind = JobKind.OnnxInference, Model = runningModel });

        var inUse = MarketStore.BlobsInUse(m.State, m.Height, Retention);

        Assert.Equal((JobState.Settled, JobState.Settled), (old.State, recent.State));
        Assert.True(m.Height - old.ClosedHeight >= Retention, "the old job must have closed at least the retention ago");
        Assert.True(m.Height - recent.ClosedHeight < Retention, "the recent job must have closed within the retention");
        Assert.Equal(JobState.Open, m.Job(open).State);
        Assert.Equal(JobState.Running, m.Job(running).State);
        Hash32[] expected =
        [
            recentModel, MarketHarness.InputHash(2), MarketHarness.Truth(recentSpec),
            MarketHarness.InputHash(3),
            runningModel, MarketHarness.InputHash(4),
        ];
        Assert.Equal(expected.Order(), inUse.Order());
        Assert.DoesNotContain(MarketHarness.InputHash(1), inUse);
        Assert.DoesNotContain(MarketHarness.Truth(oldSpec), inUse);
    }

    [Fact]
    public void AClosedJob_IsNeededUntilTheRetentionHasPassed_AndNotAtAll_WithARetentionOfZero()
    {
        var m = MarketChain.Create(_ => ProviderBehaviour.Honest);
        var spec = MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 5);
        m.Harness.Submit("client-0", spec);
        m.RunToEnd();
        ulong closed = m.Job(1).ClosedHeight;
        Hash32[] named = [MarketHarness.InputHash(5), MarketHarness.Truth(spec)];

        Assert.Equal(named.Order(), MarketStore.BlobsInUse(m.State, closed, Retention).Order());
        Assert.Equal(named.Order(), MarketStore.BlobsInUse(m.State, closed + Retention - 1, Retention).Order());
        Assert.Empty(MarketStore.BlobsInUse(m.State, closed + Retention, Retention));
        Assert.Empty(MarketStore.BlobsInUse(m.State, closed, 0));
    }

    [Fact]
    public void ACancelledJob_IsAClosedJob_ItsInputKeptForTheRetentionOnly()
    {
        var m = MarketChain.Create();
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck, input: 6) with { MinMemoryMb = 1_000_000 });
        m.Ok(("client-0", new MarketCancelJobPayload(id)));
        var job = m.Job(id);

        Assert.Equal(JobState.Cancelled, job.State);
        Assert.Equal([MarketHarness.InputHash(6)], MarketStore.BlobsInUse(m.State, job.ClosedHeight + Retention - 1, Retention));
        Assert.Empty(MarketStore.BlobsInUse(m.State, job.ClosedHeight + Retention, Retention));
    }

    [Fact]
    public void BlobsNamedBy_AJob_AreItsModelInputAcceptedRevealedAndExpectedOutputs_EachOnce_NoZeroHash()
    {
        var model = Hash32.Compute("m"u8);
        var input = Hash32.Compute("i"u8);
        var accepted = Hash32.Compute("accepted"u8);
        var other = Hash32.Compute("a replica's other output"u8);
        var expected = Hash32.Compute("a canary's expected output"u8);
        var spec = MarketHarness.Spec(VerificationPolicy.Replicate, replicas: 3) with { Kind = JobKind.OnnxInference, Model = model, Input = input };
        JobSlot Slot(Hash32 output) => new(default, SlotRole.Replica, output.IsZero ? SlotStatus.Committed : SlotStatus.Revealed, 1, 10, Amount.Zero, default, output, 0);
        var job = new Job(1, default, spec, JobState.Disputed, [Slot(accepted), Slot(other), Slot(default), Slot(accepted)], Amount.Zero, Amount.Zero,
            Amount.Zero, accepted, 1, 0, 0, SpotDraw.NotDrawn, 0, 0, true, expected);
        var kernel = job with { Spec = spec with { Kind = JobKind.Kernel, Model = default }, Slots = [], AcceptedOutput = default, ExpectedOutput = default };

        Assert.Equal([model, input, accepted, other, expected], MarketStore.BlobsNamedBy(job));
        Assert.Equal([input], MarketStore.BlobsNamedBy(kernel));
    }
}
