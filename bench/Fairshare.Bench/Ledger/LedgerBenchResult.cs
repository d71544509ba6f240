namespace Fairshare.Bench.Ledger;

/// <summary>Figures of one <c>fairshare bench ledger</c> run.</summary>
public sealed record LedgerBenchResult(
    int Transactions,
    int BlockSize,
    double RawVerifyPerSecond,
    double PipelinePerSecond,
    StageBreakdown Stages,
    double ReplayPerSecond,
    int MemoryAccounts,
    long MemoryBytes,
    double RootSeconds,
    long SnapshotBytes)
{
    /// <summary>Pipeline rate as a share of the raw verify rate.</summary>
    public double PipelineShareOfVerify => PipelinePerSecond / RawVerifyPerSecond;

    /// <summary>Bytes per account in the 1M-account state.</summary>
    public double BytesPerAccount => (double)MemoryBytes / MemoryAccounts;
}
