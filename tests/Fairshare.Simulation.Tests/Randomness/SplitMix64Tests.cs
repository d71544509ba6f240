using Fairshare.Simulation.Randomness;

namespace Fairshare.Simulation.Tests.Randomness;

public sealed class SplitMix64Tests
{
    [Fact]
    public void FromStateZero_GivesTheResearchNoteOutputs()
    {
        var rng = new SplitMix64(0);
        Assert.Equal(0xe220a8397b1dcdafUL, rng.Next());
        Assert.Equal(0x6e789e6aa1b965f4UL, rng.Next());
        Assert.Equal(0x06c45d188009454fUL, rng.Next());
    }

    [Fact]
    public void RunOneSeed_GivesTheDebugCheckpointOutputs()
    {
        var rng = new SplitMix64(0x5EED0001);
        Assert.Equal(0x03317bb4875fb038UL, rng.Next());
        Assert.Equal(0xdc1fe0f7d1dc60ccUL, rng.Next());
    }

    [Fact]
    public void DerivedStreams_AreReproducibleAndDistinct()
    {
        var a = SplitMix64.Derive(42, 1);
        var b = SplitMix64.Derive(42, 1);
        var c = SplitMix64.Derive(42, 2);
        ulong first = a.Next();
        Assert.Equal(first, b.Next());
        Assert.NotEqual(first, c.Next());
    }

    [Fact]
    public void NextDouble_StaysInTheUnitInterval()
    {
        var rng = new SplitMix64(7);
        for (int i = 0; i < 10_000; i++)
        {
            double d = rng.NextDouble();
            Assert.InRange(d, 0.0, 0.9999999999999999);
        }
    }
}
