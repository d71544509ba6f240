using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare market providers|jobs|job show</c>: the compute market's providers and jobs, as tables or JSON.</summary>
public static class MarketCommand
{
    private static readonly Amount MicroFsh = new(1_000_000_000_000);

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("market", """
            The compute market: providers with their offers, track records and stake, and clients' jobs with their slots,
            escrow and outcome. Matching, checks, disputes, settlement and deadlines run at the end of every block.
            """);
        command.Add(ProvidersVerb());
        command.Add(JobsVerb());
        var job = new Command("job", "One compute job.");
        job.Add(ShowVerb());
        command.Add(job);
        return command;
    }

    private static Command ProvidersVerb()
    {
        var command = new Command("providers", """
            List every provider that ever registered: device and memory, price per work unit, slots in use / capacity,
            benchmark score, reputation, verified / faults / missed slots, self-bonded / total stake in FSH, and whether
            it takes new slots. Amounts below a millionth of an FSH are shown in base units; --json is always exact.
            """);
        command.SetAction(parsed => CliApp.Run(parsed, RunProviders));
        return command;
    }

    private static int RunProviders(CliContext context)
    {
        using var chain = ChainAccess.Open(context);
        var state = chain.State;
        ulong height = state.Head.Height + 1;
        var providers = MarketStore.Providers(state).ToList();
        if (context.Json)
        {
            var list = new JsonArray();
            foreach (var p in providers) list.Add(ProviderJson(state, p, height));
            context.WriteJson(new JsonObject { ["height"] = height, ["providers"] = list });
            return ExitCodes.Ok;
        }

        if (providers.Count == 0)
        {
            context.Console.MarkupLine("no providers yet; a provider bonds with 'fairshare stake bond' and then registers an offer");
            return ExitCodes.Ok;
        }

        var label = Labels(context);
        var table = new Table().AddColumns("provider", "device", "FSH per unit", "slots", "score", "rep.", "ok/fault/miss", "stake self/all", "status");
        foreach (var p in providers)
        {
            table.AddRow(
                Markup.Escape(label(p.Provider)), $"{p.Offer.Device} {p.Offer.MemoryMb / 1024}G", Fsh(p.Offer.PricePerWorkUnit),
                $"{p.OpenSlots}/{p.Offer.Capacity}", p.Offer.BenchmarkScore.ToString("N0", CultureInfo.InvariantCulture), Percent(p.Stats.ReputationPpm),
                $"{p.Stats.Verified}/{p.Stats.Faults}/{p.Stats.Missed}",
                $"{Fsh(StakingModule.SelfBonded(state, p.Provider))}/{Fsh(StakingModule.BondedTokens(state, p.Provider))}", Markup.Escape(Status(state, p, height)));
        }

        context.Console.Write(table);
        return ExitCodes.Ok;
    }

    private static Command JobsVerb()
    {
        var client = new Option<string?>("--client") { Description = "only this client's jobs (key name or address)" };
        var command = new Command("jobs", """
            List jobs in id order: client, verification policy, state, slots, FSH paid of the escrow locked, and the
            blocks that created and closed them. A slot is its role (P primary, R replica, C checker, A arbiter) and
            status (· assigned, c committed, ✓ revealed, ✗ missed, ↻ replaced).
            """)
        {
            client,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context => RunJobs(context, parsed.GetValue(client))));
        return command;
    }

    private static int RunJobs(CliContext context, string? clientText)
    {
        using var chain = ChainAccess.Open(context);
        var state = chain.State;
        Address? only = clientText is null ? null : Wallet.Resolve(context, clientText);
        var jobs = MarketStore.Jobs(state).Where(j => only is null || j.Client == only).ToList();
        if (context.Json)
        {
            var list = new JsonArray();
            foreach (var job in jobs) list.Add(JobJson(job, details: false));
            context.WriteJson(new JsonObject { ["jobs"] = list });
            return ExitCodes.Ok;
        }

        if (jobs.Count == 0)
        {
            context.Console.MarkupLine(only is null ? "no jobs yet" : "this client has no jobs");
            return ExitCodes.Ok;
        }

        var label = Labels(context);
        var table = new Table().AddColumns("job", "client", "policy", "state", "slots", "paid / locked FSH", "blocks");
        foreach (var job in jobs)
        {
            table.AddRow(
                job.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(label(job.Client)), Policy(job.Spec), job.State.ToString(),
                Markup.Escape(string.Join(' ', job.Slots.Select(s => $"{Short(s.Role)}{Short(s.Status)}"))),
                $"{Fsh(job.Paid)} / {Fsh(job.Locked)}", job.CreatedHeight.ToString(CultureInfo.InvariantCulture) + "–" + (job.ClosedHeight == 0 ? "" : job.ClosedHeight.ToString(CultureInfo.InvariantCulture)));
        }

        context.Console.Write(table);
        return ExitCodes.Ok;
    }

    private static Command ShowVerb()
    {
        var id = new Argument<ulong>("id") { Description = "the job's id (see 'fairshare market jobs')" };
        var command = new Command("show", """
            Show one job: its spec, state, escrow books, accepted output, spot-check draw or canary window, and every
            slot with its provider, role, status, deadline, price, commitment and output.
            """)
        {
            id,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context => RunShow(context, parsed.GetValue(id))));
        return command;
    }

    private static int RunShow(CliContext context, ulong id)
    {
        using var chain = ChainAccess.Open(context);
        var job = MarketStore.Job(chain.State, id) ?? throw new CliUsageException($"there is no job {id}; see 'fairshare market jobs'");
        if (context.Json)
        {
            context.WriteJson(JobJson(job, details: true));
            return ExitCodes.Ok;
        }

        var label = Labels(context);
        var spec = job.Spec;
        var facts = new Grid().AddColumn().AddColumn();
        void Fact(string name, string value) => facts.AddRow(Markup.Escape(name), Markup.Escape(value));
        Fact("job", $"{job.Id} ({job.State}), client {label(job.Client)}");
        Fact("runs", spec.Kind == JobKind.Kernel ? $"kernel on input {spec.Input}" : $"model {spec.Model} on input {spec.Input}");
        Fact("needs", $"{(spec.Device == DeviceClass.Any ? "any device" : spec.Device.ToString())}, at least {spec.MinMemoryMb} MiB");
        Fact("work", $"{spec.WorkUnits} units at most {Fsh(spec.MaxPricePerWorkUnit)} FSH each, {spec.DeadlineBlocks} blocks per slot");
        Fact("verified by", Policy(spec) + Draw(job));
        Fact("escrow", $"locked {Fsh(job.Locked)}, paid {Fsh(job.Paid)}, refunded {Fsh(job.Refunded)}, held {Fsh(job.Escrow)} FSH");
        Fact("blocks", $"created {job.CreatedHeight}" + (job.ClosedHeight == 0 ? "" : $", closed {job.ClosedHeight}"));
        if (!job.AcceptedOutput.IsZero) Fact("output", job.AcceptedOutput.ToString());
        context.Console.Write(facts);
        if (job.Slots.IsEmpty) return ExitCodes.Ok;

        var slots = new Table().AddColumns("slot", "provider", "role", "status", "assigned", "deadline", "price FSH", "output");
        for (int i = 0; i < job.Slots.Length; i++)
        {
            var s = job.Slots[i];
            slots.AddRow(
                i.ToString(CultureInfo.InvariantCulture), Markup.Escape(label(s.Provider)), s.Role.ToString(), s.Status.ToString(),
                s.AssignedHeight.ToString(CultureInfo.InvariantCulture), s.DeadlineHeight.ToString(CultureInfo.InvariantCulture), Fsh(s.Price),
                s.OutputHash.IsZero ? "-" : s.OutputHash.ToString()[..16] + "…");
        }

        context.Console.Write(slots);
        return ExitCodes.Ok;
    }

    private static JsonObject ProviderJson(LedgerState state, ProviderRecord p, ulong height) => new()
    {
        ["provider"] = p.Provider.ToString(),
        ["registered"] = p.Registered,
        ["status"] = Status(state, p, height),
        ["device"] = p.Offer.Device.ToString(),
        ["memoryMb"] = p.Offer.MemoryMb,
        ["benchmarkScore"] = p.Offer.BenchmarkScore,
        ["pricePerWorkUnit"] = p.Offer.PricePerWorkUnit.ToString(),
        ["capacity"] = p.Offer.Capacity,
        ["openSlots"] = p.OpenSlots,
        ["region"] = p.Offer.Region,
        ["gramsCo2PerKwh"] = p.Offer.GramsCo2PerKwh,
        ["renewablePercent"] = p.Offer.RenewablePercent,
        ["hardware"] = p.Offer.Hardware,
        ["reputationPpm"] = p.Stats.ReputationPpm,
        ["verified"] = p.Stats.Verified,
        ["faults"] = p.Stats.Faults,
        ["missed"] = p.Stats.Missed,
        ["assignedWorkUnits"] = p.Stats.AssignedWorkUnits,
        ["jailedUntil"] = p.Stats.JailedUntil,
        ["lastHeartbeat"] = p.Stats.LastHeartbeat,
        ["selfBonded"] = StakingModule.SelfBonded(state, p.Provider).ToString(),
        ["bondedTokens"] = StakingModule.BondedTokens(state, p.Provider).ToString(),
    };

    private static JsonObject JobJson(Job job, bool details)
    {
        var spec = job.Spec;
        var json = new JsonObject
        {
            ["id"] = job.Id,
            ["client"] = job.Client.ToString(),
            ["state"] = job.State.ToString(),
            ["kind"] = spec.Kind.ToString(),
            ["policy"] = spec.Policy.ToString(),
            ["replicas"] = spec.Replicas,
            ["workUnits"] = spec.WorkUnits,
            ["maxPricePerWorkUnit"] = spec.MaxPricePerWorkUnit.ToString(),
            ["locked"] = job.Locked.ToString(),
            ["escrow"] = job.Escrow.ToString(),
            ["paid"] = job.Paid.ToString(),
            ["refunded"] = job.Refunded.ToString(),
            ["acceptedOutput"] = job.AcceptedOutput.IsZero ? null : job.AcceptedOutput.ToString(),
            ["createdHeight"] = job.CreatedHeight,
            ["closedHeight"] = job.ClosedHeight == 0 ? null : job.ClosedHeight,
            ["slots"] = new JsonArray([.. job.Slots.Select(s => (JsonNode)SlotJson(s, details))]),
        };
        if (!details) return json;
        json["model"] = spec.Model.ToString();
        json["input"] = spec.Input.ToString();
        json["minMemoryMb"] = spec.MinMemoryMb;
        json["device"] = spec.Device.ToString();
        json["deadlineBlocks"] = spec.DeadlineBlocks;
        json["seal"] = spec.Seal.ToString();
        json["weights"] = new JsonObject
        {
            ["price"] = spec.Weights.Price, ["speed"] = spec.Weights.Speed, ["reputation"] = spec.Weights.Reputation, ["energy"] = spec.Weights.Energy,
        };
        json["reassignments"] = job.Reassignments;
        json["spotCheck"] = job.Draw.ToString();
        json["expectedDeadline"] = job.ExpectedDeadline == 0 ? null : job.ExpectedDeadline;
        json["expectedOutput"] = job.ExpectedRevealed ? job.ExpectedOutput.ToString() : null;
        return json;
    }

    private static JsonObject SlotJson(JobSlot s, bool details)
    {
        var json = new JsonObject
        {
            ["provider"] = s.Provider.ToString(),
            ["role"] = s.Role.ToString(),
            ["status"] = s.Status.ToString(),
            ["price"] = s.Price.ToString(),
        };
        if (!details) return json;
        json["assignedHeight"] = s.AssignedHeight;
        json["deadlineHeight"] = s.DeadlineHeight;
        json["commitment"] = s.Commitment.IsZero ? null : s.Commitment.ToString();
        json["outputHash"] = s.OutputHash.IsZero ? null : s.OutputHash.ToString();
        json["agreeMask"] = s.AgreeMask;
        return json;
    }

    /// <summary>Why a provider does or does not take new slots at <paramref name="height"/>.</summary>
    private static string Status(LedgerState state, ProviderRecord p, ulong height) => ProviderEligibility.Status(state, p, height) switch
    {
        ProviderStatus.Jailed => $"jailed until {p.Stats.JailedUntil}",
        var status => ProviderEligibility.Name(status),
    };

    private static string Policy(JobSpec spec) => spec.Policy == VerificationPolicy.Replicate ? $"Replicate ×{spec.Replicas}" : spec.Policy.ToString();

    private static string Draw(Job job) => job.Spec.Policy switch
    {
        VerificationPolicy.SpotCheck when job.Draw != SpotDraw.NotDrawn => $" ({job.Draw.ToString().ToLowerInvariant()})",
        VerificationPolicy.Canary when job.ExpectedRevealed => " (expected output revealed)",
        VerificationPolicy.Canary when job.ExpectedDeadline != 0 => $" (expected output until block {job.ExpectedDeadline})",
        _ => "",
    };

    private static string Short(SlotRole role) => role switch
    {
        SlotRole.Primary => "P",
        SlotRole.Replica => "R",
        SlotRole.Checker => "C",
        _ => "A",
    };

    private static string Short(SlotStatus status) => status switch
    {
        SlotStatus.Assigned => "·",
        SlotStatus.Committed => "c",
        SlotStatus.Revealed => "✓",
        SlotStatus.Missed => "✗",
        _ => "↻",
    };

    /// <summary>Reputation ppm as a percentage with one decimal.</summary>
    private static string Percent(uint ppm) => $"{ppm / 10_000}.{ppm / 1_000 % 10}%";

    /// <summary>
    /// An FSH amount for a table: whole FSH with at most six decimals (truncated), or, when that would read 0, the
    /// exact base units ("12 base"). --json is always exact.
    /// </summary>
    private static string Fsh(Amount amount)
    {
        return !amount.IsZero && amount < MicroFsh ? $"{amount} base" : TokenText.Number(amount, 6);
    }

    /// <summary>Shows an address by the wallet's key name for it when there is one (tables only; --json keeps addresses).</summary>
    private static Func<Address, string> Labels(CliContext context)
    {
        var names = Wallet.Open(context).List().GroupBy(k => k.Address).ToDictionary(g => g.Key, g => g.First().Name);
        return address => names.GetValueOrDefault(address.ToString()) ?? address.ToString();
    }
}
