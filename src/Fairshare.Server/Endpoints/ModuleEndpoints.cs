using System.Globalization;
using Fairshare.Client.Dto;
using Fairshare.Core.Modules.Market;
using Fairshare.Node.Cluster;
using Fairshare.Server.Http;
using Fairshare.Server.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fairshare.Server.Endpoints;

/// <summary>Read-only views of module state: the compute market, AMM pools, lending markets, proposals and stake pools.</summary>
internal static class ModuleEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var clock = TimeProvider.System;

        routes.MapGet("/v1/market/jobs", (string? status, ILedgerService ledger) =>
            {
                JobState? only = null;
                if (status is not null)
                {
                    if (!Enum.TryParse<JobState>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || status.All(char.IsAsciiDigit))
                        return ApiErrors.BadRequest("bad_status", $"'{status}' is not a job state; one of {string.Join(", ", Enum.GetNames<JobState>())}");
                    only = parsed;
                }

                return Results.Ok(ledger.Read(state => MarketStore.Jobs(state).Where(j => only is null || j.State == only).Select(ModuleViews.Job).ToList()));
            })
            .WithName("GetJobs").WithTags("market")
            .WithSummary("Compute jobs in id order, optionally only those in one state (?status=Settled)")
            .Produces<IReadOnlyList<JobDto>>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType);

        routes.MapGet("/v1/market/jobs/{id}", (string id, ILedgerService ledger) =>
            {
                if (!ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId))
                    return ApiErrors.BadRequest("bad_job_id", $"'{id}' is not a job id: expected a whole number");
                var job = ledger.Read(state => MarketStore.Job(state, jobId) is { } found ? ModuleViews.Job(found) : null);
                return job is null ? ApiErrors.NotFound("job_not_found", $"there is no job {jobId}") : Results.Ok(job);
            })
            .WithName("GetJob").WithTags("market")
            .WithSummary("One job with its slots: provider, role, status, commitment and output hashes (the verification trail)")
            .Produces<JobDto>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest, ApiErrors.ContentType)
            .Produces<ApiError>(StatusCodes.Status404NotFound, ApiErrors.ContentType);

        routes.MapGet("/v1/market/offers", (ILedgerService ledger) => Results.Ok(ledger.Read(ModuleViews.Providers)))
            .WithName("GetOffers").WithTags("market")
            .WithSummary("Every provider that ever registered: offer, reputation, jail, stake, and whether it takes new slots")
            .Produces<IReadOnlyList<ProviderDto>>();

        routes.MapGet("/v1/amm/pools", (ILedgerService ledger) =>
                Results.Ok(ledger.Read(state => ModuleViews.Pools(state, ModuleViews.NowSeconds(state, clock)))))
            .WithName("GetPools").WithTags("amm").WithSummary("Constant-product pools: reserves, LP supply, spot and TWAP prices")
            .Produces<IReadOnlyList<PoolDto>>();

        routes.MapGet("/v1/lending/markets", (ILedgerService ledger) =>
                Results.Ok(ledger.Read(state => ModuleViews.LendingMarkets(state, ModuleViews.NowSeconds(state, clock)))))
            .WithName("GetLendingMarkets").WithTags("lending").WithSummary("Lending markets: cash, borrows, reserves, rates, exchange rate")
            .Produces<IReadOnlyList<LendingMarketDto>>();

        routes.MapGet("/v1/governance/proposals", (ILedgerService ledger) =>
                Results.Ok(ledger.Read(state => ModuleViews.Proposals(state, ModuleViews.NowSeconds(state, clock)))))
            .WithName("GetProposals").WithTags("governance").WithSummary("Proposals with their state, tallies, quorum and actions")
            .Produces<IReadOnlyList<ProposalDto>>();

        routes.MapGet("/v1/staking/pools", (ILedgerService ledger) => Results.Ok(ledger.Read(ModuleViews.StakePools)))
            .WithName("GetStakePools").WithTags("staking").WithSummary("Providers' stake pools: tokens, shares, commission, delegators")
            .Produces<IReadOnlyList<StakePoolDto>>();
    }
}
