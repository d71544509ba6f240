using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Modules.Market;

public sealed class SmokeTests
{
    [Fact]
    public void Smoke()
    {
        var providers = Enumerable.Range(0, 6).Select(i => new ProviderProfile($"p{i}", new Amount((ulong)(10 + i)), 4)).ToList();
        var h = MarketHarness.Create(providers, new Random(1));
        h.Submit("client-0", MarketHarness.Spec(VerificationPolicy.SpotCheck));
        h.Submit("client-0", MarketHarness.Spec(VerificationPolicy.Replicate, 3, input: 2));
        h.SubmitCanary("client-1", MarketHarness.Spec(VerificationPolicy.Canary, input: 3));
        h.SubmitCanary("client-1", MarketHarness.Spec(VerificationPolicy.Canary, input: 4), lie: true);
        int blocks = h.RunUntilIdle(100);
        foreach (var job in MarketStore.Jobs(h.State))
        {
            Console.WriteLine($"{job.Id} {job.State} paid {job.Paid} refunded {job.Refunded} slots {string.Join(",", job.Slots.Select(s => $"{s.Role}/{s.Status}/{s.AssignedHeight}/{s.Provider.ToString()[..8]}/{s.Price}"))}");
        }
        Console.WriteLine($"blocks {blocks}");
        Assert.All(MarketStore.Jobs(h.State), j => Assert.Equal(JobState.Settled, j.State));
    }
}
