using System.Threading.RateLimiting;

namespace Fairshare.Server.Http;

/// <summary>
/// What each client may ask the leader to verify: a token bucket of signature checks per client address (cost-based,
/// where the request rate limit counts requests), so one caller's huge batches of bad signatures cannot keep the
/// verifier busy for everyone. The bucket holds one largest batch (<see cref="NodeApiOptions.MaxTransactionsPerRequest"/>)
/// and refills at <see cref="NodeApiOptions.SignatureChecksPerSecond"/>. A batch is charged in full before it is
/// verified; a batch the bucket cannot cover now is refused whole (429 <c>rate_limited</c> with the wait it needs).
/// </summary>
internal sealed class SignatureBudget : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignatureBudget(NodeApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int rate = options.SignatureChecksPerSecond;
        int step = Math.Max(1, (rate + 9) / 10);
        PerSecond = rate;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(options.MaxTransactionsPerRequest, step),
            TokensPerPeriod = step,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)step / rate),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Signature checks per second each client's bucket refills with.</summary>
    public int PerSecond { get; }

    /// <summary>Charges <paramref name="checks"/> to <paramref name="client"/>: null when granted, else how long to wait.</summary>
    public TimeSpan? TryCharge(string client, int checks)
    {
        using var lease = _limiter.AttemptAcquire(client, checks);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    /// <inheritdoc/>
    public void Dispose() => _limiter.Dispose();
}
