using System.Diagnostics.Metrics;
using Fairshare.Core.Primitives;
using Fairshare.Node.Blobs;
using Fairshare.Node.Cluster;

namespace Fairshare.Server.Metrics;

/// <summary>
/// The node's instruments on the <c>Fairshare.Node</c> meter, exported at <c>/metrics</c> by the OpenTelemetry
/// Prometheus exporter: transactions submitted, committed and refused, blocks committed, the committed height, the
/// mempool, and the consensus figures (Raft term, leadership, members, index lag, the interval between the last two
/// committed blocks), and the blob store's (bytes stored, the quota, blobs and bytes evicted, uploads refused for room).
/// Each counter is added 0 as it is created, so it is in the first scrape, at 0 before anything
/// happened (the blob store's are observed from <see cref="BlobQuota"/>'s totals, which start at 0): create this after
/// the meter provider, which must be listening then (<see cref="NodeApi.Build"/> does).
/// Request durations are ASP.NET Core's own (<c>http.server.request.duration</c> on the <see cref="HostingMeterName"/>
/// meter).
/// </summary>
internal sealed class NodeMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Fairshare.Node";

    /// <summary>ASP.NET Core's own meter, which records <c>http.server.request.duration</c> for every request.</summary>
    public const string HostingMeterName = "Microsoft.AspNetCore.Hosting";

    private readonly ILedgerService _ledger;
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _committed;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _blocks;
    private long _lastHeight;
    private long _lastTimestampMs = -1;
    private long _blockIntervalMs = -1;

    public NodeMetrics(IMeterFactory meters, ILedgerService ledger, BlobQuota blobs)
    {
        _ledger = ledger;
        RememberRecentBlocks();
        var meter = meters.Create(MeterName, "1.0");
        _submitted = meter.CreateCounter<long>("fairshare_transactions_submitted", "{transaction}", "Transactions received by POST /v1/transactions");
        _committed = meter.CreateCounter<long>("fairshare_transactions_committed", "{transaction}", "Transactions committed with code Ok in blocks this node applied");
        _refused = meter.CreateCounter<long>("fairshare_transactions_refused", "{transaction}", "Transactions refused (bad signature, or by execution) when submitted here");
        _blocks = meter.CreateCounter<long>("fairshare_blocks_committed", "{block}", "Blocks this node applied and stored");
        foreach (var counter in new[] { _submitted, _committed, _refused, _blocks }) counter.Add(0);
        meter.CreateObservableGauge("fairshare_height", () => (long)_ledger.Head.Height, "{block}", "The committed height");
        meter.CreateObservableGauge("fairshare_mempool_size", () => (long)_ledger.MempoolSize, "{transaction}", "Transactions waiting in the mempool");
        meter.CreateObservableGauge("fairshare_raft_term", () => _ledger.Cluster.Term, "{term}", "The Raft term this node is in");
        meter.CreateObservableGauge("fairshare_raft_leader", () => _ledger.Cluster.IsLeader ? 1 : 0, "{leader}", "1 while this node leads, else 0");
        meter.CreateObservableGauge("fairshare_raft_members", () => _ledger.Cluster.MemberApiUrls.Length, "{member}",
            "Validators in the cluster this node sees (itself included)");
        meter.CreateObservableGauge("fairshare_raft_index_lag", IndexLag, "{entry}",
            "Raft log entries this node knows are committed but has not applied yet (absent when it cannot tell)");
        meter.CreateObservableGauge("fairshare_block_interval", BlockInterval, "s",
            "Seconds between the timestamps of the last two committed blocks (absent until the node knows two)");
        meter.CreateObservableGauge("fairshare_blob_store", () => blobs.UsedBytes, "By", "Bytes the blob store's blobs take");
        meter.CreateObservableGauge("fairshare_blob_store_quota", () => BlobQuotaBytes(blobs), "By",
            "The blob store's quota (absent when it has none)");
        meter.CreateObservableCounter("fairshare_blobs_evicted", () => blobs.EvictedBlobs, "{blob}", "Blobs evicted from the blob store because no job needs them");
        meter.CreateObservableCounter("fairshare_blob_evicted", () => blobs.EvictedBytes, "By", "Bytes evicted from the blob store");
        meter.CreateObservableCounter("fairshare_blob_uploads_refused", () => blobs.RefusedUploads, "{upload}",
            "Uploads refused with 507 blob_store_full (and blobs fetched from other members not kept) for want of room");
        _ledger.BlockCommitted += OnBlockCommitted;
    }

    public void Submitted(int count) => _submitted.Add(count);

    public void Refused(int count)
    {
        if (count > 0) _refused.Add(count);
    }

    public void Dispose() => _ledger.BlockCommitted -= OnBlockCommitted;

    private static IEnumerable<Measurement<long>> BlobQuotaBytes(BlobQuota blobs) =>
        blobs.Options.IsUnlimited ? [] : [new Measurement<long>(blobs.Options.QuotaBytes)];

    private IEnumerable<Measurement<long>> IndexLag() =>
        _ledger.Cluster.IndexLag is { } lag ? [new Measurement<long>(lag)] : [];

    private IEnumerable<Measurement<double>> BlockInterval()
    {
        long ms = Volatile.Read(ref _blockIntervalMs);
        return ms < 0 ? [] : [new Measurement<double>(ms / 1000.0)];
    }

    /// <summary>The interval between the head block and the one before it, when both are stored (heights 1 and up).</summary>
    private void RememberRecentBlocks()
    {
        var head = _ledger.Head;
        _lastHeight = (long)head.Height;
        if (head.Height == 0) return;
        _lastTimestampMs = (long)head.TimestampMs;
        if (head.Height >= 2 && _ledger.ReadBlock(head.Height - 1) is { } previous)
            _blockIntervalMs = Math.Max(0, (long)head.TimestampMs - (long)previous.Header.TimestampMs);
    }

    /// <summary>On the apply thread, one block at a time.</summary>
    private void OnBlockCommitted(object? sender, BlockCommittedEventArgs e)
    {
        _blocks.Add(1);
        int ok = 0;
        foreach (var receipt in e.Receipts)
        {
            if (!receipt.TxId.IsZero && receipt.Code == ResultCode.Ok) ok++;
        }

        if (ok > 0) _committed.Add(ok);

        var header = e.Block.Header;
        long timestamp = (long)header.TimestampMs;
        if (_lastTimestampMs >= 0 && (long)header.Height == _lastHeight + 1)
            Volatile.Write(ref _blockIntervalMs, Math.Max(0, timestamp - _lastTimestampMs));
        _lastHeight = (long)header.Height;
        _lastTimestampMs = timestamp;
    }
}
