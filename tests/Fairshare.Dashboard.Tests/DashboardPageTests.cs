using System.Globalization;
using System.Numerics;
using Fairshare.Client.Dto;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Dashboard.Tests.Support;
using Fairshare.Testing;
using Microsoft.Playwright;

namespace Fairshare.Dashboard.Tests;

/// <summary>
/// The dashboard in real headless Chromium against a node with activity: every section loads with no console or page
/// error, and the numbers it shows are the JSON API's, formatted the same way.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPageTests(DashboardFixture fixture)
{
    private static readonly string[] Sections = ["overview", "providers", "jobs", "markets", "governance", "concentration"];

    [Fact]
    public async Task EverySection_LoadsWithRowsAndNoErrors()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(errors);
        foreach (var section in Sections)
        {
            Assert.True(await page.Locator("#" + section).IsVisibleAsync(), section + " is not visible");
            Assert.True(await page.Locator($"#{section} tbody tr").CountAsync() > 0, section + " shows no rows");
        }

        Assert.True(await page.Locator("#error").IsHiddenAsync(), "the error banner shows: " + await page.Locator("#error").TextContentAsync());
        Assert.Equal(4, await page.Locator("#providers-table tbody tr[data-provider]").CountAsync());
        Assert.Equal(2, await page.Locator("#proposals-table tbody tr[data-proposal]").CountAsync());
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Overview_ShowsTheApisHeightProvidersAndJobs()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(errors);
        var client = fixture.Node.Client;
        var status = await client.GetStatusAsync();
        var offers = await client.GetOffersAsync();
        var jobs = await client.GetJobsAsync();

        Assert.Equal(Shown.Group(status.Height), await Text(page, "[data-test=height]"));
        Assert.Equal(Shown.Group(offers.Count(o => o.Registered)), await Text(page, "[data-test=providers]"));
        Assert.Equal(Shown.Group(jobs.Count(j => j.State == "Settled")), await Text(page, "[data-test=jobs-settled]"));
        Assert.Equal(Shown.Group(status.Members.Count), await Text(page, "[data-test=validators]"));
        Assert.Equal("total " + jobs.Count, await Text(page, "#job-states [data-state=total]"));
        foreach (var group in jobs.GroupBy(j => j.State))
            Assert.Equal(group.Key + " " + group.Count(), await Text(page, $"#job-states [data-state={group.Key}]"));
        Assert.Contains(jobs, j => j.State == "Settled");
        Assert.Contains(jobs, j => j.State != "Settled");
        Assert.Equal(jobs.Count, await page.Locator("#jobs-table tbody tr[data-job]").CountAsync());
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Providers_EarningsAreTheirJobPaymentFlows()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(errors);
        var client = fixture.Node.Client;
        var payments = await client.GetFlowsAsync(tag: FlowTag.JobPayment, asset: AssetId.Fsh, limit: 10_000);
        var offers = await client.GetOffersAsync();
        int earners = 0;
        foreach (var offer in offers)
        {
            var earned = payments.Where(f => f.To == offer.Provider).Aggregate(BigInteger.Zero, (sum, f) => sum + BigInteger.Parse(f.Amount, CultureInfo.InvariantCulture));
            if (!earned.IsZero) earners++;
            var row = page.Locator($"#providers-table tr[data-provider='{offer.Provider}']");
            Assert.Equal(Shown.Amount(earned.ToString(CultureInfo.InvariantCulture)), await Text(row, "[data-test=earnings]"));
        }

        Assert.True(earners >= 2, $"only {earners} providers earned anything: the chain should pay several");
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Markets_ShowThePoolsReservesAndPrice()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(errors);
        var pool = Assert.Single(await fixture.Node.Client.GetPoolsAsync());
        var row = page.Locator($"#pools-table tr[data-pool='{pool.Id}']");
        Assert.Equal(Shown.Amount(pool.Reserve0) + " " + pool.Asset0, await Text(row, "[data-test=reserve0]"));
        Assert.Equal(Shown.Amount(pool.Reserve1) + " " + pool.Asset1, await Text(row, "[data-test=reserve1]"));
        Assert.Equal(Shown.Amount(pool.SpotPrice0) + " " + pool.Asset1, await Text(row, "[data-test=spot]"));
        Assert.Equal("2.5000 USDF", await Text(row, "[data-test=spot]"));
        var market = Assert.Single(await fixture.Node.Client.GetLendingMarketsAsync());
        Assert.Contains(Shown.Amount(market.Cash), await Text(page, $"#lending-table tr[data-market='{market.Asset}']"));
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Concentration_ShowsTheApisGiniAndEveryLorenzPoint()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(errors);
        foreach (var of in new[] { "balances", "provider-income", "stake" })
        {
            var measured = await fixture.Node.Client.GetConcentrationAsync(of);
            var panel = page.Locator($"#lorenz-grid [data-of='{of}']");
            Assert.Equal(Shown.Ratio(measured.Gini), await Text(panel, "[data-metric=gini]"));
            Assert.Equal(Shown.Group(measured.N), await Text(panel, "[data-metric=n]"));
            Assert.Equal(Shown.Group(measured.Nakamoto50!.Value), await Text(panel, "[data-metric=nakamoto50]"));
            var curve = panel.Locator("path.lorenz-curve");
            Assert.Equal(measured.Lorenz.Count.ToString(CultureInfo.InvariantCulture), await curve.GetAttributeAsync("data-points"));
            var d = await curve.GetAttributeAsync("d") ?? "";
            Assert.Equal(measured.Lorenz.Count, d.Count(c => c is 'M' or 'L'));
        }

        var series = await fixture.Node.Client.GetGiniSeriesAsync(points: 24);
        Assert.Equal(Shown.Ratio(series.Points[^1].Gini), await Text(page, "[data-test=series-gini]"));
        Assert.Equal(series.Points.Count(p => p.Gini is not null).ToString(CultureInfo.InvariantCulture),
            await page.Locator("#gini-series path.series-line").GetAttributeAsync("data-points"));
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ClickingAJob_ShowsItsVerificationTrail()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(errors);
        var jobs = await fixture.Node.Client.GetJobsAsync(status: "Settled");
        var job = jobs.First(j => j.Slots.Count >= 2);
        await page.Locator($"#jobs-table tr[data-job='{job.Id}']").ClickAsync();
        var trail = page.Locator("#job-trail");
        Assert.Equal($"Job #{job.Id} verification trail", await Text(trail, "h3"));
        Assert.Equal(job.Slots.Count, await trail.Locator("tr[data-slot]").CountAsync());
        for (int i = 0; i < job.Slots.Count; i++)
        {
            var slot = job.Slots[i];
            var row = trail.Locator($"tr[data-slot='{i}']");
            Assert.Equal(slot.Commitment, await row.Locator("[data-test=commitment]").GetAttributeAsync("title"));
            Assert.Equal(slot.OutputHash, await row.Locator("[data-test=output]").GetAttributeAsync("title"));
            Assert.Contains(slot.Role, await row.TextContentAsync() ?? "");
        }

        // Where the escrow went comes from the job's own record: exactly its payouts, adding up to what it locked.
        var fromEscrow = job.Payouts.Where(p => p.FromEscrow).ToList();
        Assert.NotEmpty(fromEscrow);
        Assert.Equal(fromEscrow.Count, await trail.Locator("ul.payouts:not(.beside) li").CountAsync());
        Assert.Equal(job.Payouts.Count - fromEscrow.Count, await trail.Locator("ul.payouts.beside li").CountAsync());
        Assert.Contains($"= escrow locked {Shown.Amount(job.Locked)} FSH", await Text(trail, "[data-test=payout-total]"));
        Assert.Contains(Shown.Amount(job.Paid) + " FSH", await trail.TextContentAsync() ?? "");
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task EverySettledJobsPayouts_AreItsOwn_AndAddUpToItsEscrow()
    {
        // Escrow conservation, from the contract: what a job locked is paid out (to its slots, the fee and the burn),
        // refunded, or still held; the payouts to parties are the job's own slots, never another job's closing in the
        // same block.
        var jobs = await fixture.Node.Client.GetJobsAsync(status: "Settled");
        Assert.True(jobs.Select(j => j.ClosedHeight).Distinct().Count() < jobs.Count, "the fixture closes several jobs in one block");
        foreach (var job in jobs)
        {
            var fromEscrow = job.Payouts.Where(p => p.FromEscrow).ToList();
            Assert.Equal(BigInteger.Parse(job.Locked, CultureInfo.InvariantCulture), Sum(fromEscrow));
            Assert.Equal(BigInteger.Parse(job.Paid, CultureInfo.InvariantCulture), Sum(fromEscrow.Where(p => p.Kind is not ("refund" or "still in escrow"))));
            Assert.Equal(BigInteger.Parse(job.Refunded, CultureInfo.InvariantCulture), Sum(fromEscrow.Where(p => p.Kind == "refund")));
            var slots = job.Slots.Select(s => s.Provider).ToHashSet();
            foreach (var payout in job.Payouts.Where(p => p.Kind is "provider" or "arbiter"))
            {
                string party = payout.Party ?? "";
                Assert.Contains(party.Split(' ')[0], slots);
            }
        }
    }

    private static BigInteger Sum(IEnumerable<JobPayoutDto> payouts) =>
        payouts.Aggregate(BigInteger.Zero, (sum, p) => sum + BigInteger.Parse(p.Amount, CultureInfo.InvariantCulture));

    [Fact]
    public async Task FullPageScreenshot_IsWrittenUnderArtifacts()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(errors);
        var settled = (await fixture.Node.Client.GetJobsAsync(status: "Settled"))[0];
        await page.Locator($"#jobs-table tr[data-job='{settled.Id}']").ClickAsync();
        var path = Path.Combine(RepositoryRoot(), "artifacts", "dashboard", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        await page.CloseAsync();

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 50_000, $"the screenshot is only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        int width = PngInt(bytes, 16), height = PngInt(bytes, 20);
        Assert.Equal(1440, width);
        Assert.True(height > 1500, $"a full-page screenshot of every section is taller than {height} px");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Page_RefreshesItselfWhenABlockIsCommitted()
    {
        var errors = new List<string>();
        var page = await fixture.OpenAsync(errors);
        var before = (await fixture.Node.Client.GetStatusAsync()).Height;
        Assert.Equal(before.ToString(CultureInfo.InvariantCulture), await page.Locator("body").GetAttributeAsync("data-height"));

        using var alice = KeyPair.ForDevelopment("alice");
        ulong nonce = fixture.Node.Ledger.Read(state => state.Find(alice.Address)!.Nonce);
        var transfer = SignedTransaction.Sign(new Transaction(TestChain.Id, nonce, TestChain.MinFee, new TransferPayload(KeyPair.ForDevelopment("bob").Address, AssetId.Fsh, new Amount(1))), alice);
        var submitted = await fixture.Node.Client.SubmitAsync([transfer]);
        Assert.True(submitted.Results[0].IsCommitted, submitted.Results[0].Code);

        await page.WaitForSelectorAsync($"body[data-height='{before + 1}']", new PageWaitForSelectorOptions { Timeout = 15_000 });
        Assert.Equal(Shown.Group(before + 1), await Text(page, "[data-test=height]"));
        await page.CloseAsync();
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Root_ServesTheDashboard_AndTheOtherPagesStillAnswer()
    {
        using var http = new HttpClient { BaseAddress = fixture.Node.Url };
        using var root = await http.GetAsync("");
        Assert.Equal("text/html", root.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Fairshare dashboard</title>", await root.Content.ReadAsStringAsync());
        using var script = await http.GetAsync("dashboard/app.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        using var css = await http.GetAsync("dashboard/style.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        foreach (var path in new[] { "reference", "health", "metrics", "v1/status", "openapi/v1.json" })
        {
            using var answer = await http.GetAsync(path);
            Assert.True(answer.IsSuccessStatusCode, $"{path} answered {(int)answer.StatusCode}");
        }

        var openApi = await http.GetStringAsync("openapi/v1.json");
        Assert.Contains("/v1/analytics/concentration", openApi);
        Assert.Contains("/v1/analytics/gini-series", openApi);
    }

    private static async Task<string> Text(IPage page, string selector) => (await page.Locator(selector).TextContentAsync() ?? "").Trim();

    private static async Task<string> Text(ILocator scope, string selector) => (await scope.Locator(selector).TextContentAsync() ?? "").Trim();

    private static int PngInt(byte[] bytes, int offset) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset, 4));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fairshare.slnx"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("the repository root (Fairshare.slnx) is not above " + AppContext.BaseDirectory);
    }
}
