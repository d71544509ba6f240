using Fairshare.Compute.Sandbox;

namespace Fairshare.Compute.Tests.Sandbox;

public sealed class JobLimitsTests
{
    [Fact]
    public void AMarketJob_MayRunTheFactorTimesItsEstimate_PlusTheLoadingAllowance()
    {
        // 10 × 500 work units ÷ 1,000 units/s = 5 s, plus 10 s for loading the model.
        var limits = JobLimits.ForMarketJob(workUnits: 500, unitsPerSecond: 1_000, runTimeFactor: 10, memoryMb: 256, maxModelBytes: 1 << 20, maxInputBytes: 2 << 20);

        Assert.Equal(TimeSpan.FromSeconds(15), limits.RunTime);
        Assert.Equal(256L << 20, limits.MemoryBytes);
        Assert.Equal(1L << 20, limits.MaxModelBytes);
        Assert.Equal(2L << 20, limits.MaxInputBytes);
    }

    [Fact]
    public void HugeEstimates_AreCappedAtADay_WithoutOverflow()
    {
        var limits = JobLimits.ForMarketJob(1_000_000_000_000, 1, 1_000, 1, 1, 1);

        Assert.Equal(TimeSpan.FromDays(1) + JobLimits.ModelLoadAllowance, limits.RunTime);
    }

    [Fact]
    public void ZeroScoresAndLimits_AreBugs()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JobLimits.ForMarketJob(1, 0, 10, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JobLimits(TimeSpan.Zero, 1, 1, 1).Validate());
    }

    [Fact]
    public void ResidentMemory_IsReadFromStatmAndStatus()
    {
        Assert.Equal(3L * 4096, ProcessMemory.ParseStatm("100 3 2 1 0 5 0\n", 4096));
        Assert.Equal(0, ProcessMemory.ParseStatm("garbage", 4096));
        Assert.Equal(2048L * 1024, ProcessMemory.ParseStatusVmRss("Name:\tx\nVmPeak:\t9 kB\nVmRSS:\t    2048 kB\nThreads: 1\n"));
        Assert.Equal(0, ProcessMemory.ParseStatusVmRss("Name:\tzombie\nState:\tZ\n"));
        Assert.True(ProcessMemory.SelfResidentBytes() > 1 << 20);
        Assert.InRange(ProcessMemory.ResidentBytes(Environment.ProcessId)!.Value, 1L << 20, long.MaxValue);
        Assert.Null(ProcessMemory.ResidentBytes(int.MaxValue));
    }
}
