using System.Diagnostics.Metrics;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;

namespace Fairshare.Server.Metrics;

/// <summary>
/// The node's instruments on the <c>Fairshare.Node</c> meter, exported at <c>/metrics</c> by the OpenTelemetry
/// Prometheus exporter: transactions submitted, committed and refused, blocks committed, the committed height, the
/// mempool, and the duration of API requests in seconds.
/// </summary>
internal sealed class NodeMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Fairshare.Node";

    /// <summary>The request-duration histogram's name.</summary>
    public const string RequestDurationName = "fairshare_http_request_duration";

    /// <summary>Bucket boundaries of the request-duration histogram, in seconds.</summary>
    public static readonly double[] RequestDurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    private readonly ILedgerService _ledger;
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _committed;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _blocks;
    private readonly Histogram<double> _requestDuration;

    public NodeMetrics(IMeterFactory meters, ILedgerService ledger)
    {
        _ledger = ledger;
        var meter = meters.Create(MeterName, "1.0");
        _submitted = meter.CreateCounter<long>("fairshare_transactions_submitted", "{transaction}", "Transactions received by POST /v1/transactions");
        _committed = meter.CreateCounter<long>("fairshare_transactions_committed", "{transaction}", "Transactions committed with code Ok in blocks this node applied");
        _refused = meter.CreateCounter<long>("fairshare_transactions_refused", "{transaction}", "Transactions refused (bad signature, or by execution) when submitted here");
        _blocks = meter.CreateCounter<long>("fairshare_blocks_committed", "{block}", "Blocks this node applied and stored");
        _requestDuration = meter.CreateHistogram<double>(RequestDurationName, "s", "Duration of API requests");
        meter.CreateObservableGauge("fairshare_height", () => (long)_ledger.Head.Height, "{block}", "The committed height");
        meter.CreateObservableGauge("fairshare_mempool_size", () => (long)_ledger.MempoolSize, "{transaction}", "Transactions waiting in the mempool");
        _ledger.BlockCommitted += OnBlockCommitted;
    }

    public void Submitted(int count) => _submitted.Add(count);

    public void Refused(int count)
    {
        if (count > 0) _refused.Add(count);
    }

    public void RequestFinished(string method, string route, int status, TimeSpan elapsed) =>
        _requestDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("method", method),
            new KeyValuePair<string, object?>("route", route),
            new KeyValuePair<string, object?>("status", status));

    public void Dispose() => _ledger.BlockCommitted -= OnBlockCommitted;

    private void OnBlockCommitted(object? sender, BlockCommittedEventArgs e)
    {
        _blocks.Add(1);
        int ok = 0;
        foreach (var receipt in e.Receipts)
        {
            if (!receipt.TxId.IsZero && receipt.Code == ResultCode.Ok) ok++;
        }

        if (ok > 0) _committed.Add(ok);
    }
}
