using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>The read-only governance views: <c>gov list</c>, <c>gov show</c> and <c>gov params</c>.</summary>
public static class GovViews
{
    /// <summary>Builds <c>gov list</c>.</summary>
    public static Command ListCommand()
    {
        var command = new Command("list", """
            List proposals with their state, weighted tallies, quorum, the blocks voting is open in, and eta.
            States are as a transaction sent now would see them (the next block, at the current time). Blocks are
            made per transaction on a local chain: any transaction moves the height on.
            """);
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            var (height, now) = NextBlock(state);
            var proposals = GovStore.AllProposals(state).ToList();
            if (context.Json)
            {
                context.WriteJson(new JsonObject
                {
                    ["height"] = height,
                    ["proposals"] = new JsonArray([.. proposals.Select(p => (JsonNode)ToJson(state, p, height, now))]),
                });
                return ExitCodes.Ok;
            }

            if (proposals.Count == 0)
            {
                context.Console.MarkupLine("no proposals yet; make one with 'fairshare gov propose'");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("id", "state", "for / against / abstain", "quorum", "open in", "eta", "description");
            foreach (var p in proposals)
            {
                table.AddRow(p.Id.ToString(), StateMarkup(GovernanceModule.StateOf(state, p, height, now)), Tallies(p),
                    Weight(p.Rule, GovernanceModule.WeightedQuorum(state, p)), $"{p.StartBlock + 1}–{p.EndBlock}", Eta(p.Eta, now),
                    Markup.Escape(p.Description));
            }

            context.Console.MarkupLine($"proposals as of block {height} (the next block):");
            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Builds <c>gov show ID</c>.</summary>
    public static Command ShowCommand()
    {
        var id = new Argument<uint>("proposal") { Description = "the proposal id" };
        var command = new Command("show", "Show one proposal: state, tallies, quorum, voting window, eta and its parameter changes.") { id };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            uint proposalId = parsed.GetValue(id);
            var p = GovStore.Proposal(state, proposalId)
                ?? throw new CliUsageException($"no proposal {proposalId}; there are {GovStore.ProposalCount(state)} (see 'fairshare gov list')");
            var (height, now) = NextBlock(state);
            if (context.Json)
            {
                context.WriteJson(ToJson(state, p, height, now));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumn("proposal " + p.Id).AddColumn("");
            table.AddRow("state", StateMarkup(GovernanceModule.StateOf(state, p, height, now)) + $" (as of block {height})");
            table.AddRow("proposer", p.Proposer.ToString());
            table.AddRow("description", Markup.Escape(p.Description));
            table.AddRow("voting rule", RuleName(p.Rule) + (p.Rule == VotingRule.Capped ? $", cap {p.CapBps} bps of the votes locked at the start" : ""));
            table.AddRow("votes counted at block", p.StartBlock.ToString());
            table.AddRow("voting open in blocks", $"{p.StartBlock + 1}–{p.EndBlock}");
            table.AddRow("for / against / abstain", Tallies(p));
            table.AddRow("quorum (for)", Weight(p.Rule, GovernanceModule.WeightedQuorum(state, p)));
            table.AddRow("eta", Eta(p.Eta, now));
            context.Console.Write(table);
            var actions = new Table().AddColumns("change", "new value", "value now");
            foreach (var action in p.Actions)
            {
                var parameter = GovernableParameters.Find(action.Module, action.Parameter);
                actions.AddRow(parameter?.Name ?? $"{action.Module}.{action.Parameter}",
                    parameter is null ? action.Value.ToString() : parameter.Format(action.Value),
                    parameter is null ? "?" : parameter.Format(parameter.Read(state)));
            }

            context.Console.Write(actions);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Builds <c>gov params</c>.</summary>
    public static Command ParamsCommand()
    {
        var command = new Command("params", """
            List the parameters governance can change: name, value in force and allowed range, each in its own unit
            (FSH amounts, percentages, counts of blocks, seconds or bytes, on/off, or a choice by name). --json keeps
            the raw base-unit values and adds each one's unit and text.
            """);
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var state = chain.State;
            if (context.Json)
            {
                context.WriteJson(new JsonArray([.. GovernableParameters.All.Select(p => (JsonNode)ParameterJson(p, p.Read(state)))]));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("parameter", "value", "range");
            foreach (var p in GovernableParameters.All)
                table.AddRow(p.Name, Markup.Escape(p.Format(p.Read(state))), Markup.Escape(p.FormatRange()));
            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>"token-weighted", "quadratic" or "capped": the rule's name, as <c>gov.voting-rule</c> shows it.</summary>
    public static string RuleName(VotingRule rule) => EnumText.Name(rule);

    /// <summary>"against", "for" or "abstain".</summary>
    public static string SupportName(byte support) => support switch
    {
        0 => "against",
        1 => "for",
        _ => "abstain",
    };

    /// <summary>
    /// A parameter with a value as <c>--json</c> writes it: the raw base-unit value and range (exact, as before), the
    /// decimals, the unit (<see cref="ParameterUnit"/>) and the same values as the table shows them.
    /// </summary>
    public static JsonObject ParameterJson(GovernableParameter parameter, Amount value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var json = new JsonObject
        {
            ["name"] = parameter.Name,
            ["value"] = value.ToString(),
            ["min"] = parameter.Min.ToString(),
            ["max"] = parameter.Max.ToString(),
            ["decimals"] = parameter.Decimals,
            ["unit"] = parameter.UnitName,
            ["text"] = parameter.Format(value),
            ["minText"] = parameter.Format(parameter.Min),
            ["maxText"] = parameter.Format(parameter.Max),
        };
        if (!parameter.Choices.IsEmpty) json["choices"] = new JsonArray([.. parameter.Choices.Select(c => (JsonNode)c)]);
        return json;
    }

    /// <summary>The block a transaction sent now lands in, and the time it will carry (the node stamps blocks with its clock).</summary>
    private static (ulong Height, ulong Now) NextBlock(LedgerState state)
    {
        ulong clock = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return (state.Head.Height + 1, Math.Max(clock, state.Head.TimestampMs / 1000));
    }

    /// <summary>A tally: FSH for token-weighted and capped votes, a plain weight (√ of base units) for quadratic; grouped.</summary>
    private static string Weight(VotingRule rule, BigInteger weight) =>
        DecimalFormat.Grouped(weight, rule == VotingRule.Quadratic ? 0 : Units.Decimals);

    private static string Tallies(Proposal p) =>
        $"{Weight(p.Rule, p.For.ToBigInteger())} / {Weight(p.Rule, p.Against.ToBigInteger())} / {Weight(p.Rule, p.Abstain.ToBigInteger())}";

    private static string Eta(ulong eta, ulong now) => eta == 0
        ? "-"
        : DateTimeOffset.FromUnixTimeSeconds((long)eta).ToString("yyyy-MM-dd HH:mm:ss 'UTC'") + (eta > now ? $" (in {eta - now}s)" : "");

    private static string StateMarkup(ProposalState state) => state switch
    {
        ProposalState.Pending => "Pending",
        ProposalState.Active => "[yellow]Active[/]",
        ProposalState.Succeeded or ProposalState.Queued => $"[blue]{state}[/]",
        ProposalState.Executed => "[green]Executed[/]",
        _ => $"[red]{state}[/]",
    };

    private static JsonObject ToJson(LedgerState state, Proposal p, ulong height, ulong now) => new()
    {
        ["id"] = p.Id,
        ["state"] = GovernanceModule.StateOf(state, p, height, now).ToString(),
        ["proposer"] = p.Proposer.ToString(),
        ["description"] = p.Description,
        ["rule"] = RuleName(p.Rule),
        ["capBps"] = p.CapBps,
        ["startBlock"] = p.StartBlock,
        ["endBlock"] = p.EndBlock,
        ["for"] = p.For.ToString(),
        ["against"] = p.Against.ToString(),
        ["abstain"] = p.Abstain.ToString(),
        ["quorum"] = GovernanceModule.WeightedQuorum(state, p).ToString(),
        ["eta"] = p.Eta,
        ["actions"] = new JsonArray([.. p.Actions.Select(a => (JsonNode)ActionJson(a))]),
    };

    private static JsonObject ActionJson(GovAction action)
    {
        var parameter = GovernableParameters.Find(action.Module, action.Parameter);
        var json = new JsonObject
        {
            ["parameter"] = parameter?.Name ?? $"{action.Module}.{action.Parameter}",
            ["value"] = action.Value.ToString(),
        };
        if (parameter is null) return json;
        json["unit"] = parameter.UnitName;
        json["text"] = parameter.Format(action.Value);
        return json;
    }
}
