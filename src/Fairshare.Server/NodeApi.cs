using System.Threading.RateLimiting;
using Fairshare.Node.Blobs;
using Fairshare.Node.Cluster;
using Fairshare.Node.Indexing;
using Fairshare.Server.Cluster;
using Fairshare.Server.Endpoints;
using Fairshare.Server.Health;
using Fairshare.Server.Http;
using Fairshare.Server.Metrics;
using Fairshare.Server.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace Fairshare.Server;

/// <summary>
/// The node's HTTP API (docs/api.md): an ASP.NET Core app over a running validator (<see cref="ILedgerService"/>) and
/// its optional read-side index. Build it, <c>StartAsync</c> it, and dispose it to stop; it also forwards this
/// validator's block signatures to the other members while it runs.
/// </summary>
public static partial class NodeApi
{
    /// <summary>Paths the rate limit never counts: probes and scrapes.</summary>
    private static readonly string[] Unlimited = ["/health", HealthProbe.LivePath, HealthProbe.ReadyPath, "/metrics"];

    /// <summary>Builds (does not start) the API of <paramref name="ledger"/>, with <paramref name="index"/> for transaction and flow queries (null: those answer 501).</summary>
    public static WebApplication Build(NodeApiOptions options, ILedgerService ledger, IChainIndex? index)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ledger);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(NodeApi).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.ListenUrl);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = Math.Max(options.MaxRequestBytes, options.MaxBlobBytes));
        if (options.Logging is { } logging)
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(logging);
        }
        else
        {
            AddLogFilters(builder.Logging, LogLevel.Information);
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(ledger);
        services.AddSingleton(new IndexHolder(index));
        services.AddSingleton(provider => BlobQuota.For(ledger, options.Blobs, provider.GetRequiredService<ILoggerFactory>().CreateLogger<BlobQuota>()));
        services.AddSingleton<NodeMetrics>();
        if (options.RateLimitPerSecond > 0 && options.SignatureChecksPerSecond > 0) services.AddSingleton(_ => new SignatureBudget(options));
        services.AddSingleton(_ => new LeaderForwarder(ledger, options.WaitTimeout + TimeSpan.FromSeconds(10)));
        services.AddHostedService<SignatureForwarder>();
        // The SDK's settings: camelCase, and strict numbers (a number sent as a string is malformed JSON), so the OpenAPI
        // document types each number as a number, not "integer or string".
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = Client.FairshareClient.Json.PropertyNamingPolicy;
            json.SerializerOptions.NumberHandling = Client.FairshareClient.Json.NumberHandling;
        });
        // Every error is problem details written by ApiErrors, the framework's own too (status code pages, the exception
        // handler): ApiProblemWriter is registered before AddProblemDetails adds ASP.NET's default writer, so it is asked first.
        services.AddSingleton<IProblemDetailsWriter, ApiProblemWriter>();
        services.AddProblemDetails();
        services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<ApiDocumentTransformer>();
            openApi.AddOperationTransformer<ErrorResponsesTransformer>();
            openApi.AddSchemaTransformer<DecimalIntegerSchemaTransformer>();
        });
        services.AddHealthChecks().AddCheck<ReadinessCheck>(ReadinessCheck.Name, tags: [ReadinessCheck.Tag]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(NodeMetrics.MeterName, NodeMetrics.HostingMeterName)
            .AddRuntimeInstrumentation()
            .AddProcessInstrumentation()
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        if (options.RateLimitPerSecond > 0) services.AddRateLimiter(limiter => ConfigureRateLimit(limiter, options));

        var app = builder.Build();
        // The meter provider first, so it listens when NodeMetrics creates its counters and adds 0 to each (each counter
        // is then in the first scrape); NodeMetrics now, so it counts every block from the start (and with it the blob
        // quota, whose periodic pass then follows the blocks).
        _ = app.Services.GetRequiredService<MeterProvider>();
        _ = app.Services.GetRequiredService<NodeMetrics>();
        if (!options.TrustedProxies.IsDefaultOrEmpty) app.UseForwardedHeaders(TrustedForwarding(options));
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A bad request keeps its own status (400, or 413 for a body cut off at the limit); anything else is a bug.
            StatusCodeSelector = error => error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            // ApiProblemWriter logs the bugs, with the method and path; a client's bad request is not the node's error.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseStatusCodePages();
        app.UseRouting();
        if (options.RateLimitPerSecond > 0) app.UseRateLimiter();
        app.Use((context, next) => ApiMiddleware.LimitBodyAsync(context, next, options.MaxRequestBytes));

        ChainEndpoints.Map(app, options);
        TransactionEndpoints.Map(app, options);
        BlobEndpoints.Map(app, options);
        ModuleEndpoints.Map(app);
        InternalEndpoints.Map(app);
        AnalyticsEndpoints.Map(app);
        ErrorEndpoints.Map(app);
        ReferenceEndpoints.Map(app);
        DashboardEndpoints.Map(app);
        HealthProbe.Map(app);
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The API's log filters, for a logger factory handed to it (<see cref="NodeApiOptions.Logging"/>): ASP.NET Core's
    /// own categories from <see cref="LogLevel.Warning"/> (or <paramref name="minimum"/>, when higher), not one line per
    /// request; and none of the health-check service's, which logs every failing check as an error: a node that is not
    /// ready yet (an election, a catch-up) is not one, and the readiness check logs its own failures (ReadinessCheck).
    /// </summary>
    public static ILoggingBuilder AddLogFilters(ILoggingBuilder builder, LogLevel minimum)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddFilter("Microsoft.AspNetCore", minimum > LogLevel.Warning ? minimum : LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
    }

    /// <summary>The base URL the started app listens on (the real port when <see cref="NodeApiOptions.ListenUrl"/> asked for port 0).</summary>
    public static Uri BoundUrl(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("the API is not listening yet: call StartAsync first");
        return new Uri(first.EndsWith('/') ? first : first + "/");
    }

    /// <summary>
    /// <c>X-Forwarded-For</c> honoured only from <see cref="NodeApiOptions.TrustedProxies"/> (ASP.NET's own defaults,
    /// which trust loopback, are cleared) and only one hop deep: the proxy's own view of its client.
    /// </summary>
    private static ForwardedHeadersOptions TrustedForwarding(NodeApiOptions options)
    {
        var forwarding = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
        forwarding.KnownProxies.Clear();
        forwarding.KnownIPNetworks.Clear();
        foreach (var network in options.TrustedProxies) forwarding.KnownIPNetworks.Add(network);
        return forwarding;
    }

    private static void ConfigureRateLimit(RateLimiterOptions limiter, NodeApiOptions options)
    {
        int rate = options.RateLimitPerSecond;
        int step = (rate + 9) / 10;
        var period = TimeSpan.FromSeconds((double)step / rate);
        int burst = Math.Max(options.RateLimitBurst, step);
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (IsExempt(context)) return RateLimitPartition.GetNoLimiter("exempt");
            return RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = step,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        limiter.OnRejected = async (rejected, ct) =>
        {
            var context = rejected.HttpContext;
            LogRateLimited(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Fairshare.Server.RateLimit"),
                context.Request.Method, context.Request.Path, ClientOf(context));
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
            await ApiErrors.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "rate_limited",
                $"more than {rate} requests per second from this address; wait and retry", wait).ConfigureAwait(false);
        };
    }

    /// <summary>Whether the rate limit never counts requests to <paramref name="path"/> (probes and scrapes).</summary>
    internal static bool IsUnlimited(string path) => Unlimited.Any(p => string.Equals(path, p, StringComparison.OrdinalIgnoreCase));

    // Debug: one line per refused request, and a client over its limit sends many.
    [LoggerMessage(EventId = 4010, Level = LogLevel.Debug, Message = "rate limit: refused {Method} {Path} from {Client}")]
    private static partial void LogRateLimited(ILogger log, string method, string path, string client);

    /// <summary>Whom a request is counted against (request and signature budgets): its peer's address, or the client a trusted proxy named.</summary>
    internal static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// Probes and scrapes, and requests a validator of this chain signed for this very method and path within the last
    /// half minute (<see cref="MemberRequest"/>), are not limited. Where a request comes from, and the bare
    /// forwarded-by header, prove nothing: a local client or a reverse proxy could claim either.
    /// </summary>
    internal static bool IsExempt(HttpContext context)
    {
        var request = context.Request;
        if (IsUnlimited(request.Path)) return true;
        if (!request.Headers.TryGetValue(MemberRequest.SignatureHeader, out var signature)) return false;
        var ledger = context.RequestServices.GetRequiredService<ILedgerService>();
        string pathAndQuery = request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        return MemberRequest.IsFromValidator(ledger.Genesis, request.Method, pathAndQuery, request.Headers[MemberRequest.MemberHeader],
            request.Headers[MemberRequest.TimeHeader], signature, DateTimeOffset.UtcNow);
    }
}
