namespace Fairshare.Bench.Idle;

/// <summary>What <c>fairshare bench idle</c> measured: the same idle validator with empty blocks made (today's default) and skipped.</summary>
/// <param name="Options">What was run.</param>
/// <param name="Off">Skipping off: a block every block time.</param>
/// <param name="On">Skipping on: a block only when one is due, or once per idle interval.</param>
public sealed record IdleBenchResult(IdleBenchOptions Options, IdleBenchRow Off, IdleBenchRow On);
