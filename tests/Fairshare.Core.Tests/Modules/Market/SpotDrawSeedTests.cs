using System.Buffers.Binary;
using System.Security.Cryptography;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Market;

/// <summary>
/// The spot-check draw is seeded from the previous block's hash and the job id (design: "a hash of the previous block and
/// the job id"; <see cref="MarketDraw.Ppm"/>: SHA-256(previous block hash ‖ job id, 8 bytes big-endian ‖ "spot"), first 8
/// bytes big-endian mod 10⁶, checked when below the rate). The expectations re-derive that formula with the platform's
/// SHA-256, independent of the code under test, from the hash of the block before the one that drew.
/// </summary>
public sealed class SpotDrawSeedTests
{
    /// <summary>The documented draw, computed here from scratch.</summary>
    private static uint ExpectedPpm(ReadOnlySpan<byte> previousBlockHash, ulong jobId)
    {
        var message = new byte[32 + 8 + 4];
        previousBlockHash.CopyTo(message);
        BinaryPrimitives.WriteUInt64BigEndian(message.AsSpan(32), jobId);
        "spot"u8.CopyTo(message.AsSpan(40));
        var digest = SHA256.HashData(message);
        return (uint)(BinaryPrimitives.ReadUInt64BigEndian(digest) % 1_000_000);
    }

    [Fact]
    public void Ppm_IsTheDocumentedSha256Draw_AndDependsOnTheHashAndTheJob()
    {
        var zero = new byte[32];
        var counting = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        foreach (var bytes in new[] { zero, counting })
        {
            foreach (ulong job in new ulong[] { 0, 1, 2, 0x0102030405060708, ulong.MaxValue })
                Assert.Equal(ExpectedPpm(bytes, job), MarketDraw.Ppm(Hash32.Read(bytes), job, MarketDraw.SpotCheck));
        }

        Assert.NotEqual(MarketDraw.Ppm(Hash32.Read(zero), 1, MarketDraw.SpotCheck), MarketDraw.Ppm(Hash32.Read(counting), 1, MarketDraw.SpotCheck));
    }

    [Fact]
    public void OnChain_EachJobsDraw_FollowsThePreviousBlocksHash_NotItsStateRoot()
    {
        const uint rate = 500_000;
        var m = MarketChain.Create(_ => ProviderBehaviour.Honest, p => p with { SpotCheckPpm = rate, ProbationCheckPpm = rate });
        const int jobs = 10;
        for (int i = 0; i < jobs; i++) m.Harness.Submit(i % 2 == 0 ? "client-0" : "client-1", MarketHarness.Spec(VerificationPolicy.SpotCheck, input: (ulong)(100 + i)));

        var drawn = new Dictionary<ulong, SpotDraw>();
        int differsUnderStateRoot = 0;
        for (int block = 0; block < 40 && drawn.Count < jobs; block++)
        {
            var head = m.State.Head;
            m.Harness.Step();
            foreach (var job in MarketStore.Jobs(m.State))
            {
                if (job.Draw == SpotDraw.NotDrawn || drawn.ContainsKey(job.Id)) continue;
                drawn[job.Id] = job.Draw;
                var expected = ExpectedPpm(head.BlockHash.ToArray(), job.Id) < rate ? SpotDraw.Checked : SpotDraw.Unchecked;
                Assert.True(expected == job.Draw, $"job {job.Id} drawn in block {head.Height + 1}: {job.Draw}, the previous block's hash gives {expected}");
                var fromStateRoot = ExpectedPpm(head.StateRoot.ToArray(), job.Id) < rate ? SpotDraw.Checked : SpotDraw.Unchecked;
                if (fromStateRoot != expected) differsUnderStateRoot++;
            }
        }

        Assert.Equal(jobs, drawn.Count);
        // Both outcomes occur, and a draw seeded from the state root would have come out differently for some job.
        Assert.Contains(SpotDraw.Checked, drawn.Values);
        Assert.Contains(SpotDraw.Unchecked, drawn.Values);
        Assert.True(differsUnderStateRoot > 0, "no job's outcome tells the block hash from the state root");
    }

    [Theory]
    [InlineData(0, SpotDraw.Unchecked)]
    [InlineData(1, SpotDraw.Checked)]
    public void ADrawExactlyAtTheRate_IsNotChecked_OneBelowIs(uint aboveDraw, SpotDraw expected)
    {
        // "Checked when below the rate": the rate is set, after the primary committed, to this job's draw (or one more).
        var m = MarketChain.Create(_ => ProviderBehaviour.Manual);
        ulong id = m.Submit(MarketHarness.Spec(VerificationPolicy.SpotCheck));
        m.Ok(("alpha", m.Commit(id, 0, Hash32.Compute("output"u8), MarketChain.Salt(0))));
        uint draw = ExpectedPpm(m.State.Head.BlockHash.ToArray(), id);
        MarketStore.SetParams(m.State, MarketStore.Params(m.State) with { ProbationJobs = 0, SpotCheckPpm = draw + aboveDraw });
        m.State.Commit();
        m.Blocks(1);
        Assert.Equal(expected, m.Job(id).Draw);
    }
}
