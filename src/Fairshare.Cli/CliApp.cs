using System.CommandLine;
using System.Text.Json.Nodes;
using Fairshare.Cli.Commands;
using Fairshare.Cli.Output;
using Fairshare.Client;
using Fairshare.Node.Chain;
using Fairshare.Testnet;
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

    /// <summary>--node URL, on every command.</summary>
    public static Option<string?> NodeOption { get; } = new("--node")
    {
        Description = "talk to the node at this API URL (e.g. http://127.0.0.1:8080) instead of the local chain "
            + "(default: $FAIRSHARE_NODE, else the node running on --data, else the data directory's own chain); keys stay local",
        Recursive = true,
    };

    /// <summary>--dry-run, on every command; it matters to those that send a transaction.</summary>
    public static Option<bool> DryRunOption { get; } = new("--dry-run")
    {
        Description = "for commands that send a transaction: execute it against the chain's current state and print what it would do, without sending it (the local chain only)",
        Recursive = true,
    };

    /// <summary>--yes, on every command: no question before spending or before a key's export or deletion.</summary>
    public static Option<bool> YesOption { get; } = new("--yes")
    {
        Description = "do not ask first: at a terminal, commands that spend, and keys export and delete, ask for a confirmation (keys export and delete need --yes where there is no terminal)",
        Recursive = true,
    };

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args) =>
        BenchLauncher.BenchArguments(args) is { } bench ? Task.FromResult(BenchLauncher.Launch(bench)) : RunAsync(args, Commands(), "fairshare");

    /// <summary>How to start this CLI as a child process (a testnet's members, a provider's sandbox worker, the cluster benchmark).</summary>
    public static CliLauncher Launcher() => CliLauncher.For(typeof(CliApp).Assembly.Location);

    /// <summary>The top-level commands of <c>fairshare</c>, freshly built (each call builds a new tree).</summary>
    public static IReadOnlyList<Command> Commands() => [
        InitCommand.Create(), KeysCommand.Create(), BalanceCommand.Create(), TransferCommand.Create(), UsdfCommand.Create(),
        DexCommand.Create(), StableCommand.Create(), FarmCommand.Create(), StakeCommand.Create(), MarketCommand.Create(),
        LendCommand.Create(), VestingCommand.Create(), GovCommand.Create(), BlockCommand.Create(), VerifyChainCommand.Create(),
        DemoCommand.Create(), ProviderCommand.Create(), ClientCommand.Create(), JobCommand.Create(), NodeCommand.Create(),
        TestnetCommand.Create(), BenchLauncher.Create(), ReportCommand.Create(), ConformanceCommand.Create(), SimCommand.Create(),
        DevCommand.Create(),
        ExplainCommand.Create(), CompletionCommand.Create(),
    ];

    /// <summary>
    /// Runs <paramref name="commands"/> under a root named <paramref name="name"/> with the global options (<c>--data</c>,
    /// <c>--json</c>, <c>--node</c>) and the CLI's handling of parse errors; returns the exit code. The benchmarks'
    /// executable (<c>fairshare-bench</c>) runs its commands through here too.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<Command> commands, string name)
    {
        WidenRedirectedOutput();
        var root = Root(commands, name);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string commandPath = string.Join(' ', parsed.CommandResult.Command.Name == root.Name
                ? [name]
                : new[] { name }.Concat(CommandPath(parsed.CommandResult)));
            var messages = parsed.Errors.Select(e => e.Message.TrimEnd('.')).Distinct();
            string message = string.Join("; ", messages);
            string? suggestion = Suggest(parsed, name);
            if (suggestion is not null) message += $"; did you mean '{suggestion}'?";
            // Under --json a failure is a JSON document on stdout too, as every command's refusals are (CliContext.Fail).
            if (args.Contains("--json", StringComparer.Ordinal))
                Console.Out.WriteLine(new JsonObject { ["error"] = "usage", ["message"] = $"{message} (see '{commandPath} --help')", ["suggestion"] = suggestion }.ToJsonString(JsonOptions.Indented));
            Console.Error.WriteLine($"error: {message} (see '{commandPath} --help') [usage]");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync();
    }

    /// <summary>
    /// Parses a <c>fairshare</c> command line without running it (the parser's checks only: commands, options and
    /// their values, not what a command checks when it runs), e.g. to hold a service unit's ExecStart to the real CLI.
    /// </summary>
    public static ParseResult Parse(IReadOnlyList<string> args) => Root(Commands(), "fairshare").Parse(args);

    private static RootCommand Root(IReadOnlyList<Command> commands, string name)
    {
        var root = new RootCommand(name == "fairshare"
            ? """
              fairshare: a decentralized GPU-compute network whose economy is made of DeFi parts, and which measures where its profits go.

              Start with 'fairshare init', then 'fairshare keys list' and 'fairshare balance alice'.
              Add '--node URL' to any chain command to run it against a remote node (signing stays local).
              """
            : $"{name}: Fairshare's whole-system benchmarks, each figure beside its limit or a peer measured in the same run.");
        root.Add(DataOption);
        root.Add(JsonOption);
        root.Add(NodeOption);
        root.Add(DryRunOption);
        root.Add(YesOption);
        foreach (var command in commands) root.Add(command);
        return root;
    }

    /// <summary>
    /// "Did you mean …?" for the first token the parser could not place: the nearest subcommand (as a whole command
    /// line) or option of the command it reached, within two edits; null when nothing is that near.
    /// </summary>
    private static string? Suggest(ParseResult parsed, string name)
    {
        var command = parsed.CommandResult.Command;
        foreach (var token in parsed.UnmatchedTokens)
        {
            if (token.StartsWith('-'))
            {
                var options = command.Options.Concat(command == parsed.RootCommandResult.Command ? [] : parsed.RootCommandResult.Command.Options.Where(o => o.Recursive));
                if (Suggestions.Closest(token, options.SelectMany(o => o.Aliases.Prepend(o.Name)), maxDistance: 2) is { } option) return option;
                continue;
            }

            if (Suggestions.Closest(token, command.Subcommands.Select(c => c.Name), maxDistance: 2) is { } sub)
            {
                var path = command == parsed.RootCommandResult.Command ? [name] : new[] { name }.Concat(CommandPath(parsed.CommandResult));
                return string.Join(' ', path.Append(sub));
            }
        }

        return null;
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
        bool json = parsed.GetValue(JsonOption);
        Uri? node;
        try
        {
            node = ParseNodeUrl(parsed.GetValue(NodeOption));
        }
        catch (CliUsageException e)
        {
            new CliContext(data, json, AnsiConsole.Console, Console.Error).Fail("usage", e.Message);
            return ExitCodes.Usage;
        }

        var context = new CliContext(data, json, AnsiConsole.Console, Console.Error, node)
        {
            DryRun = parsed.GetValue(DryRunOption),
            Yes = parsed.GetValue(YesOption),
        };
        try
        {
            return body(context);
        }
        catch (UserFacingException e) when (e.Code is NodeKeyFile.LockedCode or NodeKeyFile.WrongPassphraseCode)
        {
            // As with a wallet key's passphrase: a configuration error (exit 2), and what to do about it.
            string ask = e.Code == NodeKeyFile.LockedCode ? " (or run in a terminal to be asked)" : string.Empty;
            context.Fail(e.Code, $"{e.Message}; set {Passphrases.EnvironmentVariable} to the node key's passphrase{ask}");
            return ExitCodes.Usage;
        }
        catch (UserFacingException e)
        {
            return context.Fail(e.Code, e.Message);
        }
        catch (Exception e) when (e is CliUsageException or TestnetUsageException)
        {
            context.Fail("usage", e.Message);
            return ExitCodes.Usage;
        }
        catch (FairshareApiException e)
        {
            var message = OneLine(e.Message);
            return context.Fail(e.Code, e.Status > 0 ? $"the node answered {e.Status}: {message}" : message);
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

    /// <summary>
    /// As <see cref="Run"/>, for a command that works on the local data directory only (<paramref name="name"/>):
    /// --node is ignored (with a note on stderr when given on the command line), and a command that writes the chain store refuses to run while a node
    /// holds it.
    /// </summary>
    public static int RunLocal(ParseResult parsed, string name, bool writesStore, Func<CliContext, int> body) => Run(parsed, context =>
    {
        if (!string.IsNullOrWhiteSpace(parsed.GetValue(NodeOption))) context.Error.WriteLine($"note: '{name}' works on the local data directory only; --node is ignored");
        if (writesStore && RunningNode.TryRead(context.Data) is { } running)
        {
            return context.Fail("node_running", $"a node (pid {running.Pid}, {running.ApiUrl}) is running on {context.Data.Root}; "
                + "stop it first, or pass another --data");
        }

        return body(context);
    });

    /// <summary>The --node value (else $FAIRSHARE_NODE) as an absolute http(s) URL, or null when neither is set.</summary>
    public static Uri? ParseNodeUrl(string? option)
    {
        var text = string.IsNullOrWhiteSpace(option) ? Environment.GetEnvironmentVariable("FAIRSHARE_NODE") : option;
        if (string.IsNullOrWhiteSpace(text)) return null;
        string from = string.IsNullOrWhiteSpace(option) ? "$FAIRSHARE_NODE" : "--node";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(url.Host))
            throw new CliUsageException($"{from} '{text}' is not a node URL; give the API's base URL, e.g. http://127.0.0.1:8080");
        return AsBase(url);
    }

    /// <summary>The URL with a trailing '/', so that the SDK's relative routes ("v1/state") resolve under it.</summary>
    public static Uri AsBase(Uri url) => url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Output sent to a file or a pipe has no terminal width, and Spectre would wrap wide tables (sim compare, report) at
    /// 80 columns, cell by cell. Give it $COLUMNS when set, else 200.
    /// </summary>
    private static void WidenRedirectedOutput()
    {
        if (!Console.IsOutputRedirected) return;
        AnsiConsole.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns) && columns >= 40 ? columns : 200;
    }
}
