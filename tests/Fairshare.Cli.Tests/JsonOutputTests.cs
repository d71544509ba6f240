using System.CommandLine;
using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests;

/// <summary>
/// One casing for every JSON document the CLI writes (camelCase, as the API): the read commands are run here on a fresh
/// chain; every other command is named with where its <c>--json</c> document is checked (every test's documents go
/// through <see cref="JsonKeyCheck"/>), so a new command cannot be added without a place that checks it.
/// </summary>
public sealed class JsonOutputTests : CliTestBase
{
    /// <summary>Read commands (the command, then its arguments), run here with <c>--json</c> on the fresh chain.</summary>
    private static readonly (string Command, string[] Arguments)[] ReadCommands =
    [
        ("keys list", []), ("balance", ["alice"]), ("block show", ["latest"]), ("verify-chain", []),
        ("dex pools", []), ("stable pools", []), ("farm list", []), ("market providers", []), ("market jobs", []),
        ("lend markets", []), ("lend account", ["alice"]), ("gov list", []), ("gov params", []), ("job list", []),
        ("sim list", []), ("report", []), ("testnet status", []), ("explain", ["NonceGap"]),
    ];

    /// <summary>Every other command that prints a document, with the test whose run of it checks the document.</summary>
    private static readonly Dictionary<string, string> CheckedElsewhere = new()
    {
        ["init"] = "CliTestBase (every test's fresh chain)",
        ["transfer"] = "TransactionsShareOneDocument_WithCamelCaseKeys",
        ["keys new"] = "CliCommandTests.KeysNew_NeedsAPassphrase_AndTheKeyThenSigns",
        ["keys export"] = "KeysCommandTests.Export_ThenImport_InAnotherDataDirectory_GivesTheSameAccount",
        ["keys import"] = "KeysCommandTests.Export_ThenImport_InAnotherDataDirectory_GivesTheSameAccount",
        ["keys recover"] = "KeysCommandTests.NewWithMnemonic_ThenRecover_GivesTheSameKey",
        ["keys delete"] = "KeysCommandTests.Delete_AsksFirst_SuggestsANearName_AndRemovesTheKey",
        ["node encrypt-key"] = "NodeKeyCommandTests.NodeEncryptKey_ConvertsAPlainKey_AndRefusesASecondTime",
        ["dex quote"] = "CliCommandTests.Dex_AddSwapAndPools_MoveRealBalances_AndBadInputIsOneLine",
        ["stake show"] = "StakeCommandTests.BondDelegateUnbondAndCommission_ShowInThePool",
        ["market job show"] = "MarketCommandTests.ProvidersJobsAndJobShow_ListTheMarket_AsTablesAndJson",
        ["gov show"] = "GovCommandTests.GovernanceVerbs_WorkFromTheCommandLine",
        ["demo"] = "DemoCommandTests",
        ["provider detect"] = "DemoCommandTests.ProviderDetect_ReportsThisMachineAndABenchmarkScore",
        ["job quote"] = "JobCommandTests.Quote_RefusesInputsThatDoNotFitTheModel_EachWithItsCode",
        ["report waterfall"] = "ReportCommandTests",
        ["report genesis"] = "ReportCommandTests.Genesis_OfTheShippedTables_PrintsTheSpecFigures_AndTheInsiderShare",
        ["conformance"] = "ReportCommandTests.Conformance_OfMetricsMd_PassesEveryVector_AndNamesATamperedOne",
        ["sim run"] = "SimCommandTests",
        ["sim compare"] = "SimCommandTests.Compare_PrintsEveryVariant_WithTheChangeAgainstTheFirst",
    };

    /// <summary>
    /// Commands that run until stopped and log lines as they go (no single document), or that no test runs with
    /// <c>--json</c> yet (their keys follow the rule by construction; a test needs a job on a node).
    /// </summary>
    private static readonly Dictionary<string, string> NoDocumentChecked = new()
    {
        ["node start"] = "runs until stopped",
        ["provider start"] = "runs until stopped",
        ["provider worker"] = "the sandbox's worker process, spoken to over pipes",
        ["client run"] = "runs its job plan, logging as it goes",
        ["testnet up"] = "starts processes and logs them",
        ["testnet down"] = "stops processes",
        ["bench"] = "benchmarks print their own tables",
        ["dev commit-loop"] = "runs until stopped",
        ["dev accounts"] = "a development helper",
        ["completion"] = "prints a shell script, not a document (CompletionTests)",
        ["job submit"] = "not yet checked here: RealModelJobTests (E2E) reads its --json document with its own runner",
        ["job status"] = "not yet checked: needs a job on a node",
        ["job result"] = "not yet checked: needs a job on a node",
        ["job cancel"] = "not yet checked: needs a job on a node",
    };

    /// <summary>Commands that print one transaction's outcome through TxSubmission (the transfer run here checks it).</summary>
    private static readonly string[] Transactions =
    [
        "usdf mint", "usdf burn", "dex swap", "dex add", "dex remove", "stable add", "stable remove", "stable exchange",
        "farm create", "farm notify", "farm stake", "farm withdraw", "farm claim", "farm duration",
        "stake bond", "stake delegate", "stake unbond", "stake withdraw", "stake claim", "stake commission",
        "lend supply", "lend redeem", "lend borrow", "lend repay", "lend liquidate", "vesting claim",
        "gov lock", "gov unlock", "gov delegate", "gov propose", "gov vote", "gov queue", "gov execute", "gov cancel",
        "provider register",
    ];

    [Fact]
    public void ReadCommands_EachPrintOneDocument_WithCamelCaseKeys()
    {
        Ok("transfer", "--from", "alice", "--to", "bob", "--amount", "1"); // a first block to show
        foreach (var (command, arguments) in ReadCommands)
        {
            var run = Cli.Run([.. command.Split(' '), .. arguments, "--json"]); // CliProcess checks the document's keys
            // Without a testnet or a node these two print their error document, which is checked all the same.
            Assert.True(run.ExitCode == 0 || command is "testnet status" or "job list", $"fairshare {command}: {run}");
        }
    }

    [Fact]
    public void TransactionsShareOneDocument_WithCamelCaseKeys()
    {
        var sent = Json("transfer", "--from", "alice", "--to", "bob", "--amount", "1");
        Assert.Equal(["tx", "height", "code", "events"], sent.AsObject().Select(p => p.Key));
        Assert.All(sent["events"]!.AsArray(), e => Assert.Equal(["tag", "asset", "from", "to", "amount"], e!.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public void TheCheck_RefusesSnakeCase_ButNotTheKeysOfADataMap()
    {
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => JsonKeyCheck.AssertOneDocument("t", """{ "stateRoot": "00", "tx": { "lp_asset": 1 } }"""));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => JsonKeyCheck.AssertOneDocument("t", """[{ "ok": 1 }, { "Bad": 2 }]"""));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => JsonKeyCheck.AssertOneDocument("t", "{ \"a\": 1 }\n{ \"b\": 2 }"));
        JsonKeyCheck.AssertOneDocument("t", """{ "balances": { "FSH": "1", "LP-FSH-USDF": "2" }, "nonce": 3 }""");
    }

    [Fact]
    public void EveryCommand_IsCheckedSomewhere()
    {
        var known = ReadCommands.Select(c => c.Command).Concat(CheckedElsewhere.Keys).Concat(NoDocumentChecked.Keys).Concat(Transactions).ToHashSet();
        var leaves = CliApp.Commands().SelectMany(c => Leaves(c, "")).ToList();
        var missing = leaves.Where(l => !known.Contains(l)).ToList();
        Assert.True(missing.Count == 0, "commands with no place that checks their --json document: " + string.Join(", ", missing));
        Assert.DoesNotContain(known, k => !leaves.Contains(k)); // nothing listed that is not a command
    }

    private static IEnumerable<string> Leaves(Command command, string prefix)
    {
        var path = prefix.Length == 0 ? command.Name : prefix + " " + command.Name;
        var own = command.Action is not null || command.Subcommands.Count == 0 ? [path] : Array.Empty<string>();
        return own.Concat(command.Subcommands.SelectMany(c => Leaves(c, path)));
    }
}
