using System.CommandLine;
using Fairshare.Cli.Commands;
using Fairshare.Cli.Output;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli;

/// <summary>Builds the <c>fairshare</c> command tree and runs it.</summary>
public static class CliApp
{
    /// <summary>--data DIR, on every command.</summary>
    public static Option<string?> DataOption { get; } = new("--data")
    {
        Description = "data directory of the chain and wallet (default: $FAIRSHARE_HOME, else ~/.fairshare)",
        Recursive = true,
    };

    /// <summary>--json, on every command.</summary>
    public static Option<bool> JsonOption { get; } = new("--json")
    {
        Description = "print one JSON document instead of tables (errors too)",
        Recursive = true,
    };

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("""
            fairshare: a decentralized GPU-compute network whose economy is made of DeFi parts, and which measures where its profits go.

            Start with 'fairshare init', then 'fairshare keys list' and 'fairshare balance alice'.
            """);
        root.Add(DataOption);
        root.Add(JsonOption);
        root.Add(InitCommand.Create());
        root.Add(KeysCommand.Create());
        root.Add(BalanceCommand.Create());
        root.Add(TransferCommand.Create());
        root.Add(UsdfCommand.Create());
        root.Add(DexCommand.Create());
        root.Add(StableCommand.Create());
        root.Add(FarmCommand.Create());
        root.Add(StakeCommand.Create());
        root.Add(MarketCommand.Create());
        root.Add(LendCommand.Create());
        root.Add(VestingCommand.Create());
        root.Add(GovCommand.Create());
        root.Add(BlockCommand.Create());
        root.Add(VerifyChainCommand.Create());
        root.Add(DemoCommand.Create());
        root.Add(ProviderCommand.Create());
        root.Add(ClientCommand.Create());
        root.Add(TestnetCommand.Create());
        root.Add(BenchCommand.Create());
        root.Add(ConformanceCommand.Create());
        root.Add(DevCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string commandPath = string.Join(' ', parsed.CommandResult.Command.Name == root.Name
                ? ["fairshare"]
                : new[] { "fairshare" }.Concat(CommandPath(parsed.CommandResult)));
            var messages = parsed.Errors.Select(e => e.Message.TrimEnd('.')).Distinct();
            Console.Error.WriteLine($"error: {string.Join("; ", messages)} (see '{commandPath} --help')");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync();
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (var current = result; current?.Parent is System.CommandLine.Parsing.CommandResult parent; current = parent)
            names.Push(current.Command.Name);
        return names;
    }

    /// <summary>Wraps a command body: builds the context and turns expected failures into one error line.</summary>
    public static int Run(ParseResult parsed, Func<CliContext, int> body)
    {
        var dataPath = parsed.GetValue(DataOption);
        var data = string.IsNullOrWhiteSpace(dataPath) ? DataDirectory.Default() : new DataDirectory(Path.GetFullPath(dataPath));
        var context = new CliContext(data, parsed.GetValue(JsonOption), AnsiConsole.Console, Console.Error);
        try
        {
            return body(context);
        }
        catch (UserFacingException e)
        {
            return context.Fail(e.Code, e.Message);
        }
        catch (CliUsageException e)
        {
            context.Fail("usage", e.Message);
            return ExitCodes.Usage;
        }
        catch (IOException e)
        {
            return context.Fail("io", e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return context.Fail("io", e.Message);
        }
    }
}
