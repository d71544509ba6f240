using System.Collections.Immutable;
using System.CommandLine;
using Fairshare.Cli.Chain;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare gov lock|unlock|delegate|propose|vote|queue|execute|cancel|list|show|params</c>: governance by locked
/// FSH, GovernorBravo proposals of parameter changes, and a timelock.
/// </summary>
public static class GovCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("gov", """
            Governance: lock FSH for votes, delegate them, propose parameter changes, vote, and run passed
            proposals through the timelock.

            A proposal is Pending for the voting delay, Active for the voting period (votes count what each voter
            had delegated at the start block), then Defeated or Succeeded; 'queue' sets its eta (now + timelock
            delay) and 'execute' applies it between the eta and eta + grace period. See 'fairshare gov params'.
            """);
        command.Add(AmountVerb("lock", "Lock FSH in the governance escrow; its votes go to your delegatee (yourself unless you delegated).",
            amount => new GovLockPayload(amount), amount => $"locked {amount.ToGroupedString(18)} FSH"));
        command.Add(AmountVerb("unlock", "Take locked FSH back; votes already counted at a proposal's start block stay counted.",
            amount => new GovUnlockPayload(amount), amount => $"unlocked {amount.ToGroupedString(18)} FSH"));
        command.Add(DelegateVerb());
        command.Add(ProposeVerb());
        command.Add(VoteVerb());
        command.Add(ProposalVerb("queue", "Queue a succeeded proposal in the timelock (anyone may).", id => new GovQueuePayload(id), "queued"));
        command.Add(ProposalVerb("execute", "Execute a queued proposal once its eta has come (anyone may).", id => new GovExecutePayload(id), "executed"));
        command.Add(ProposalVerb("cancel", """
            Cancel a proposal that is not executed: its proposer any time, anyone else once the proposer's votes
            fall below the proposal threshold.
            """, id => new GovCancelPayload(id), "canceled"));
        command.Add(GovViews.ListCommand());
        command.Add(GovViews.ShowCommand());
        command.Add(GovViews.ParamsCommand());
        return command;
    }

    private static Option<string> FromOption() => new("--from") { Description = "the sending key's name", Required = true };

    private static Command AmountVerb(string name, string description, Func<Amount, TxPayload> payload, Func<Amount, string> describe)
    {
        var from = FromOption();
        var amount = new Option<string>("--amount") { Description = "FSH, e.g. 250 or 0.5", Required = true };
        var fee = TransferCommand.FeeOption();
        var verb = new Command(name, description) { from, amount, fee };
        verb.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var value = TxSubmission.ParseAmount(chain.State, AssetId.Fsh, parsed.GetValue(amount)!, "--amount");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, payload(value), parsed.GetValue(fee), () => describe(value));
        }));
        return verb;
    }

    private static Command DelegateVerb()
    {
        var from = FromOption();
        var to = new Option<string?>("--to") { Description = "the delegatee: an address (fs1…) or a key name (default: yourself)" };
        var fee = TransferCommand.FeeOption();
        var verb = new Command("delegate", "Delegate your locked votes, now and future, to another account (or back to yourself).") { from, to, fee };
        verb.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            var delegatee = parsed.GetValue(to) is { } target ? Wallet.Resolve(context, target) : key.Address;
            return TxSubmission.Submit(context, chain, key, new GovDelegatePayload(delegatee), parsed.GetValue(fee),
                () => $"votes delegated to {delegatee}");
        }));
        return verb;
    }

    private static Command ProposeVerb()
    {
        var from = FromOption();
        var set = new Option<string[]>("--set")
        {
            Description = "a change NAME=VALUE, e.g. amm.protocol-fee-on=on, gov.voting-rule=quadratic or lend.collateral-factor=60% (1 to 10; repeat the option)",
            Required = true,
        };
        var description = new Option<string>("--description") { Description = "a short title, or the hash of a longer text (at most 256 bytes)", DefaultValueFactory = _ => "" };
        var fee = TransferCommand.FeeOption();
        var verb = new Command("propose", """
            Propose parameter changes. Your votes at the previous block must exceed the proposal threshold, and
            your previous proposal must not be pending or active. 'fairshare gov params' lists what can change.
            """)
        {
            from, set, description, fee,
        };
        verb.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            var actions = parsed.GetValue(set)!.Select(ParseChange).ToImmutableArray();
            var text = parsed.GetValue(description)!;
            if (System.Text.Encoding.UTF8.GetByteCount(text) > Proposal.MaxDescriptionBytes)
                throw new CliUsageException($"--description is longer than {Proposal.MaxDescriptionBytes} bytes");
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            uint id = GovStore.ProposalCount(chain.State) + 1;
            return TxSubmission.Submit(context, chain, key, new GovProposePayload(actions, text), parsed.GetValue(fee),
                () => $"proposal {id} made with {actions.Length} change(s)");
        }));
        return verb;
    }

    private static Command VoteVerb()
    {
        var from = FromOption();
        var id = new Argument<uint>("proposal") { Description = "the proposal id" };
        var support = new Option<string>("--support") { Description = "for, against or abstain (or 1, 0, 2)", Required = true };
        var fee = TransferCommand.FeeOption();
        var verb = new Command("vote", "Vote on an active proposal, once; your weight is your delegated votes at its start block under its voting rule.")
        {
            id, from, support, fee,
        };
        verb.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            byte choice = ParseSupport(parsed.GetValue(support)!);
            uint proposal = parsed.GetValue(id);
            using var key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, new GovVotePayload(proposal, choice), parsed.GetValue(fee),
                () => $"voted {GovViews.SupportName(choice)} on proposal {proposal}");
        }));
        return verb;
    }

    private static Command ProposalVerb(string name, string description, Func<uint, TxPayload> payload, string done)
    {
        var from = FromOption();
        var id = new Argument<uint>("proposal") { Description = "the proposal id" };
        var fee = TransferCommand.FeeOption();
        var verb = new Command(name, description) { id, from, fee };
        verb.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            using var chain = ChainAccess.Open(context);
            uint proposal = parsed.GetValue(id);
            using KeyPair key = Wallet.Unlock(context, parsed.GetValue(from)!);
            return TxSubmission.Submit(context, chain, key, payload(proposal), parsed.GetValue(fee), () => $"proposal {proposal} {done}");
        }));
        return verb;
    }

    /// <summary>Parses <c>NAME=VALUE</c> into an action, range-checked.</summary>
    private static GovAction ParseChange(string text)
    {
        int split = text.IndexOf('=', StringComparison.Ordinal);
        if (split <= 0) throw new CliUsageException($"--set '{text}' is not NAME=VALUE");
        string name = text[..split].Trim(), valueText = text[(split + 1)..].Trim();
        var parameter = GovernableParameters.FindByName(name)
            ?? throw new CliUsageException($"--set: unknown parameter '{name}'; known: {string.Join(", ", GovernableParameters.All.Select(p => p.Name))}");
        var value = parameter.Parse(valueText)
            ?? throw new CliUsageException($"--set {name}: '{valueText}' is not a value of it (see 'fairshare gov params')");
        if (!parameter.Accepts(value))
            throw new CliUsageException($"--set {name}: {valueText} is outside {parameter.FormatRange()}");
        return new GovAction(parameter.Module, parameter.Id, value);
    }

    private static byte ParseSupport(string text) => text.ToLowerInvariant() switch
    {
        "against" or "0" => 0,
        "for" or "1" => 1,
        "abstain" or "2" => 2,
        _ => throw new CliUsageException($"--support '{text}' must be for, against or abstain"),
    };
}
