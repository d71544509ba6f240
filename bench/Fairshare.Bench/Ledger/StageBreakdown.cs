namespace Fairshare.Bench.Ledger;

/// <summary>Microseconds per transaction spent in each stage of the ledger pipeline.</summary>
public sealed record StageBreakdown(double DecodeMicros, double VerifyMicros, double ApplyAndCommitMicros);
