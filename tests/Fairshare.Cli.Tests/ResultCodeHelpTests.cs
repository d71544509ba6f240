using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fairshare.Cli.Commands;
using Fairshare.Cli.Output;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Tests;

/// <summary>
/// Every result code has its own explanation (<see cref="ResultCodeHelp"/>) that names only commands, options and
/// governed parameters that exist; <c>fairshare explain</c> prints them; docs/result-codes.md lists the same table.
/// </summary>
public sealed partial class ResultCodeHelpTests
{
    [Fact]
    public void EveryDefinedCode_HasItsOwnSentence_EndingWithItsName()
    {
        Assert.Equal(Enum.GetValues<ResultCode>().Length, ResultCodeHelp.All.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in ResultCodeHelp.All)
        {
            string text = ResultCodeHelp.Explain(code);
            string name = code.ToString();
            Assert.EndsWith($" ({name})", text, StringComparison.Ordinal);
            Assert.True(char.IsAsciiLetterLower(text[0]), $"{name}: starts with a lower-case letter: {text}");
            Assert.True(text.Length > name.Length + 30, $"{name}: more than the bare name: {text}");
            Assert.DoesNotContain('\n', text);
            Assert.DoesNotContain('|', text);
            Assert.True(seen.Add(text), $"{name}: shares its sentence with another code: {text}");
            Assert.NotEqual("unassigned", ResultCodeHelp.Area(code));
        }
    }

    [Fact]
    public void UndefinedValue_Throws_InsteadOfFallingBackToANumber()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResultCodeHelp.Explain((ResultCode)999));
    }

    [Theory]
    [InlineData(ResultCode.Ok, "success")]
    [InlineData(ResultCode.Oversized, "decoding")]
    [InlineData(ResultCode.NonceGap, "authentication")]
    [InlineData(ResultCode.Unauthorized, "execution")]
    [InlineData(ResultCode.BlockWrongChainId, "blocks")]
    [InlineData(ResultCode.GenesisBadValue, "genesis")]
    [InlineData(ResultCode.DivisionByZero, "module: math")]
    [InlineData(ResultCode.ParameterOutOfRange, "module: AMM")]
    [InlineData(ResultCode.LendBorrowRateTooHigh, "module: lending")]
    [InlineData(ResultCode.InsufficientStake, "module: farming")]
    [InlineData(ResultCode.NotEnoughLocked, "module: governance")]
    [InlineData(ResultCode.StableSameCoin, "module: StableSwap")]
    [InlineData(ResultCode.StakeBadSlashFraction, "module: staking")]
    [InlineData(ResultCode.MarketSealMismatch, "module: market")]
    public void Area_FollowsTheRangesOfResultCode(ResultCode code, string area) => Assert.Equal(area, ResultCodeHelp.Area(code));

    [Fact]
    public void Explanations_NameOnlyCommandsOptionsAndParametersThatExist()
    {
        var root = CommandTree();
        var options = new HashSet<string>(StringComparer.Ordinal);
        CollectOptions(root, options);
        var parameters = GovernableParameters.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var code in ResultCodeHelp.All)
        {
            string text = ResultCodeHelp.Explain(code);
            foreach (Match match in CommandMention().Matches(text))
            {
                var verb = root.Subcommands.FirstOrDefault(c => c.Name == match.Groups["verb"].Value);
                if (verb is null)
                {
                    problems.Add($"{code}: no command 'fairshare {match.Groups["verb"].Value}'");
                    continue;
                }

                if (match.Groups["sub"].Success && verb.Subcommands.Count > 0 && verb.Subcommands.All(c => c.Name != match.Groups["sub"].Value))
                    problems.Add($"{code}: no command 'fairshare {verb.Name} {match.Groups["sub"].Value}'");
            }

            foreach (Match match in OptionMention().Matches(text))
            {
                if (!options.Contains(match.Value)) problems.Add($"{code}: no option {match.Value} on any command");
            }

            foreach (Match match in ParameterMention().Matches(text))
            {
                if (!parameters.Contains(match.Value)) problems.Add($"{code}: no governed parameter {match.Value}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("NonceGap", ResultCode.NonceGap)]
    [InlineData("noncegap", ResultCode.NonceGap)]
    [InlineData("203", ResultCode.NonceGap)]
    [InlineData("0", ResultCode.Ok)]
    [InlineData("[InsufficientBalance]", ResultCode.InsufficientBalance)]
    [InlineData(" (FeeTooLow) ", ResultCode.FeeTooLow)]
    public void Lookup_ByNameInAnyCase_OrByNumber(string text, ResultCode expected)
    {
        Assert.True(ExplainCommand.TryFind(text, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("NonceGapp", ResultCode.NonceGap)]
    [InlineData("insufficentbalance", ResultCode.InsufficientBalance)]
    [InlineData("999", ResultCode.MarketSealMismatch)]
    [InlineData("99999999", ResultCode.MarketSealMismatch)]
    public void UnknownCode_IsNotFound_AndTheClosestIsSuggested(string text, ResultCode closest)
    {
        Assert.False(ExplainCommand.TryFind(text, out _));
        Assert.Equal(closest, ExplainCommand.Closest(text));
    }

    [Fact]
    public void Json_HasCamelCaseKeys()
    {
        var json = ExplainCommand.ToJson(ResultCode.FeeTooLow);
        Assert.Equal(new[] { "code", "number", "area", "explanation" }, json.Select(p => p.Key));
        Assert.Equal("FeeTooLow", json["code"]!.GetValue<string>());
        Assert.Equal(204, json["number"]!.GetValue<int>());
        Assert.Equal("authentication", json["area"]!.GetValue<string>());
        Assert.Equal(ResultCodeHelp.Explain(ResultCode.FeeTooLow), json["explanation"]!.GetValue<string>());
    }

    [Fact]
    public void Doc_ListsEveryCode_AsTheTableSays()
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "result-codes.md");
        var rows = new Dictionary<int, (string Name, string Area, string Explanation)>();
        foreach (var line in File.ReadAllLines(path))
        {
            var match = DocRow().Match(line);
            if (match.Success) rows.Add(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), (match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value));
        }

        const string Regenerate = "regenerate it: dotnet tests/Fairshare.Cli.Tests/bin/Release/net10.0/fairshare.dll explain --all --json "
            + "| python3 scripts/result-codes-doc.py > docs/result-codes.md";
        var problems = new List<string>();
        foreach (var code in ResultCodeHelp.All)
        {
            var expected = (code.ToString(), ResultCodeHelp.Area(code), ResultCodeHelp.Explain(code));
            if (!rows.Remove((ushort)code, out var row)) problems.Add($"{(ushort)code} {code}: missing");
            else if (row != expected) problems.Add($"{(ushort)code} {code}: the doc says '{row.Name} | {row.Area} | {row.Explanation}'");
        }

        problems.AddRange(rows.Select(r => $"{r.Key} {r.Value.Name}: in the doc but not a result code"));
        Assert.True(problems.Count == 0, $"docs/result-codes.md disagrees with ResultCodeHelp; {Regenerate}\n" + string.Join('\n', problems));
    }

    // Three processes: the command is registered in the real CLI, by name in text, unknown (exit 2) and --all --json.
    [Fact]
    public void ExplainCommand_ByName_PrintsNumberAreaAndExplanation()
    {
        using var cli = new CliProcess();
        var run = cli.Run("explain", "nonceGap");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("NonceGap (203, authentication)", run.Stdout, StringComparison.Ordinal);
        // Spectre wraps long lines at the console width; compare the words.
        Assert.Contains(Words(ResultCodeHelp.Explain(ResultCode.NonceGap)), Words(run.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainCommand_UnknownName_IsAUsageError_WithTheClosestName()
    {
        using var cli = new CliProcess();
        var run = cli.Run("explain", "NonceGapp");
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("did you mean NonceGap (203)?", line, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void ExplainCommand_AllJson_HasOneEntryPerDefinedCode()
    {
        using var cli = new CliProcess();
        var run = cli.Run("explain", "--all", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var entries = JsonNode.Parse(run.Stdout)!.AsArray();
        Assert.Equal(ResultCodeHelp.All.Count, entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            var code = ResultCodeHelp.All[i];
            Assert.Equal(ExplainCommand.ToJson(code).ToJsonString(), entries[i]!.ToJsonString());
        }
    }

    /// <summary>The CLI's command tree, as <c>fairshare</c> runs it.</summary>
    private static RootCommand CommandTree()
    {
        var root = new RootCommand("fairshare") { CliApp.DataOption, CliApp.JsonOption, CliApp.NodeOption };
        foreach (var command in CliApp.Commands()) root.Add(command);
        Assert.Contains(root.Subcommands, c => c.Name == "explain");
        return root;
    }

    private static void CollectOptions(Command command, HashSet<string> names)
    {
        foreach (var option in command.Options)
        {
            names.Add(option.Name);
            names.UnionWith(option.Aliases);
        }

        foreach (var sub in command.Subcommands) CollectOptions(sub, names);
    }

    private static string Words(string text) => Whitespace().Replace(text, " ");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fairshare.slnx"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("Fairshare.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"'fairshare (?<verb>[a-z][a-z-]*)(?: (?<sub>[a-z][a-z-]*))?")]
    private static partial Regex CommandMention();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionMention();

    [GeneratedRegex(@"\b(?:ledger|amm|gov|lend|stake|market|stable)\.[a-z][a-z-]*")]
    private static partial Regex ParameterMention();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\| (\d+) \| (\w+) \| ([^|]+) \| ([^|]+) \|$")]
    private static partial Regex DocRow();
}
