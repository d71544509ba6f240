using Microsoft.Playwright;

namespace Fairshare.Dashboard.Tests.Support;

/// <summary>
/// One node with <see cref="ActiveChain"/>'s activity and one headless Debian Chromium (Playwright's bundled driver,
/// never <c>playwright install</c>), shared by every test of <see cref="DashboardCollection"/>. A missing
/// <c>/usr/bin/chromium</c> fails the tests with what to do, never skips them.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium (scripts/setup.sh).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    /// <summary>The node.</summary>
    public DashboardNode Node { get; private set; } = null!;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"Debian's chromium is not installed at {ChromiumPath}: run scripts/setup.sh (it installs it with apt-get), then run the dashboard tests again");
        Node = await DashboardNode.StartAsync(ActiveChain.Record());
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>
    /// Opens the dashboard in a fresh page and waits for its first full refresh. Every console error and page error
    /// is collected into <paramref name="errors"/>.
    /// </summary>
    public async Task<IPage> OpenAsync(List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (errors) errors.Add("console: " + message.Text);
        };
        page.PageError += (_, error) =>
        {
            lock (errors) errors.Add("page: " + error);
        };
        await page.GotoAsync(Node.Url.ToString());
        await page.WaitForSelectorAsync("body[data-loaded=true]", new PageWaitForSelectorOptions { Timeout = 15_000 });
        return page;
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Node is not null) await Node.DisposeAsync();
    }
}
