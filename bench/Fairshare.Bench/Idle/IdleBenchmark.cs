using System.Diagnostics;
using Fairshare.Bench.Cluster;
using Fairshare.Client;
using Fairshare.Testnet;

namespace Fairshare.Bench.Idle;

/// <summary>
/// <c>fairshare bench idle</c>: one <c>fairshare node start</c> validator (the testnet's genesis: nothing vests, no
/// provider, no job) left idle for a fixed wall time, first as today (a block every block time, empty ones too), then
/// with <c>--skip-empty-blocks</c>. Each mode runs twice on a fresh data directory: once stopped as soon as it leads
/// (what a start writes), once after the idle time; each is stopped cleanly (SQLite checkpoints its write-ahead log on
/// close) before its files are measured, and the difference is the idle growth. A day's growth is an empty block's
/// size (chain.db and index.db over the blocks of the run with skipping off) times the blocks of a day: the measured
/// rate with skipping off; with it on, one per idle interval (a run shorter than the interval sees none), or the
/// measured rate when that is higher.
/// </summary>
public static class IdleBenchmark
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Runs the benchmark; <paramref name="stage"/> gets each stage's name and its progress (0 to 1).</summary>
    public static async Task<IdleBenchResult> RunAsync(IdleBenchOptions options, CliLauncher launcher, Action<string, double>? stage = null, CancellationToken ct = default)
    {
        options.Validate();
        stage ??= (_, _) => { };
        var off = await MeasureAsync(options, skip: false, launcher, stage, ct).ConfigureAwait(false);
        var on = await MeasureAsync(options, skip: true, launcher, stage, ct).ConfigureAwait(false);
        if (off.Blocks == 0) throw new InvalidOperationException("the validator made no block with skipping off; see its log");
        // An empty block is the same with skipping on; its size is measured over the many blocks of the run without
        // (a handful hide in SQLite's free page space). With skipping on there is one per idle interval, or more when
        // this run made more (something was due).
        double emptyBlock = (double)off.Growth.Growing / off.Blocks;
        return new IdleBenchResult(options,
            off with { BytesPerBlock = emptyBlock, BlocksPerDay = off.MeasuredBlocksPerDay },
            on with { BytesPerBlock = emptyBlock, BlocksPerDay = Math.Max(on.MeasuredBlocksPerDay, IdleBenchRow.SecondsPerDay * 1000 / options.IdleBlockMs) });
    }

    private static async Task<IdleBenchRow> MeasureAsync(IdleBenchOptions options, bool skip, CliLauncher launcher, Action<string, double> stage, CancellationToken ct)
    {
        string mode = skip ? "skipping on" : "skipping off";
        stage($"{mode}: a start alone", 0);
        var (baseBytes, baseHeight, _) = await RunOnceAsync(options, skip, TimeSpan.Zero, launcher, _ => { }, ct).ConfigureAwait(false);
        var (bytes, height, seconds) = await RunOnceAsync(options, skip, TimeSpan.FromSeconds(options.Seconds), launcher,
            fraction => stage($"{mode}: idle {options.Seconds} s", fraction), ct).ConfigureAwait(false);
        return new IdleBenchRow(skip, height > baseHeight ? height - baseHeight : 0, seconds, bytes - baseBytes, 0, 0);
    }

    /// <summary>A fresh validator, idle for <paramref name="idle"/> after it leads, stopped cleanly; its files, height and idle seconds.</summary>
    private static async Task<(IdleStoreBytes Bytes, ulong Height, double Seconds)> RunOnceAsync(
        IdleBenchOptions options, bool skip, TimeSpan idle, CliLauncher launcher, Action<double> progress, CancellationToken ct)
    {
        using var cluster = BenchCluster.Start(1, 0, options.BlockTimeMs, 5000, launcher, skip, skip ? options.IdleBlockMs : null);
        var leader = await cluster.WaitForLeaderAsync(StartTimeout, ct).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < idle)
        {
            progress(watch.Elapsed / idle);
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct).ConfigureAwait(false);
        }

        progress(1);
        using var client = new FairshareClient(BenchCluster.Api(leader), TimeSpan.FromSeconds(10));
        ulong height = (await client.GetStatusAsync(ct).ConfigureAwait(false)).Height;
        double seconds = watch.Elapsed.TotalSeconds;
        if (cluster.Stop(leader)) throw new InvalidOperationException($"{leader.Name} did not stop within the grace period; see {leader.LogPath}");
        return (IdleStoreBytes.Of(leader.Directory), height, seconds);
    }
}
