using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Testnet;
using Fairshare.Client;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare testnet up|down|status</c>: a local multi-process network on 127.0.0.1.</summary>
public static class TestnetCommand
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("testnet", """
            A local network of real processes on 127.0.0.1: validators (one Raft cluster, ports chosen free), provider
            processes and optionally clients, with one genesis that funds them. 'up' starts it and stops it on Ctrl+C
            (or returns at once with --detach); 'down' stops a detached one; 'status' shows what runs.
            """);
        command.Add(Up());
        command.Add(Down());
        command.Add(Status());
        return command;
    }

    private static Option<string> DirOption() => new("--dir") { Description = "the testnet's folder", DefaultValueFactory = _ => "testnet" };

    private static Command Up()
    {
        var dir = DirOption();
        var validators = new Option<int>("--validators") { Description = "validator processes", DefaultValueFactory = _ => 3 };
        var providers = new Option<int>("--providers") { Description = "provider processes", DefaultValueFactory = _ => 4 };
        var clients = new Option<int>("--clients") { Description = "client processes (each runs the demo workload once)", DefaultValueFactory = _ => 0 };
        var clientJobs = new Option<int>("--client-jobs") { Description = "jobs each client submits", DefaultValueFactory = _ => 10 };
        var clientDeadline = new Option<int>("--client-deadline-blocks") { Description = "blocks each client job gives a provider from assignment to reveal", DefaultValueFactory = _ => 50 };
        var blockTime = new Option<int>("--block-time-ms") { Description = "the leader's block interval", DefaultValueFactory = _ => 200 };
        var senders = new Option<int>("--senders") { Description = "funded accounts sender-1..N (development keys) that no process uses: for load and fault tests", DefaultValueFactory = _ => 0 };
        var rateLimit = new Option<int>("--rate-limit") { Description = "each node's API requests per second per client IP (0: off; every local process shares 127.0.0.1)", DefaultValueFactory = _ => 0 };
        var skipEmpty = new Option<bool>("--skip-empty-blocks") { Description = "validators leave out empty blocks while nothing waits for the height (node start --skip-empty-blocks)" };
        var idleBlock = new Option<int?>("--idle-block-ms") { Description = "with --skip-empty-blocks, each validator makes an empty block at least this often (default 60000)" };
        var detach = new Option<bool>("--detach") { Description = "return once everything started; stop it later with 'fairshare testnet down'" };
        var command = new Command("up", "Start a local testnet and print its URLs; Ctrl+C stops every process cleanly.")
        {
            dir, validators, providers, clients, clientJobs, clientDeadline, blockTime, rateLimit, senders, skipEmpty, idleBlock, detach,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            var options = new TestnetOptions(parsed.GetValue(dir)!, parsed.GetValue(validators), parsed.GetValue(providers),
                parsed.GetValue(clients), parsed.GetValue(clientJobs), parsed.GetValue(blockTime), parsed.GetValue(rateLimit), parsed.GetValue(senders))
            {
                ClientDeadlineBlocks = parsed.GetValue(clientDeadline),
                SkipEmptyBlocks = parsed.GetValue(skipEmpty),
                IdleBlockMs = parsed.GetValue(idleBlock),
            };
            var ports = new FreePorts();
            var plan = TestnetPlan.Create(options, ports.Next, (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            plan.WriteFiles();
            using var shutdown = new ShutdownSignal();
            using var supervisor = new ProcessSupervisor();
            bool detached = parsed.GetValue(detach);
            var self = detached ? null : SelfEntry(plan);
            var launcher = CliApp.Launcher();
            var started = new List<TestnetEntry>();
            try
            {
                foreach (var member in plan.Validators) started.Add(Launch(supervisor, launcher, member, plan, self, started));
                if (!WaitForCluster(context, plan, supervisor, shutdown.Token))
                {
                    supervisor.StopAll(Grace);
                    File.Delete(Path.Combine(plan.Options.Directory, TestnetFile.FileName));
                    return shutdown.Token.IsCancellationRequested ? ExitCodes.Ok : ExitCodes.Failure;
                }

                foreach (var member in plan.Members.Where(m => m.Role != TestnetMember.Validator)) started.Add(Launch(supervisor, launcher, member, plan, self, started));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                supervisor.StopAll(Grace);
                return context.Fail("spawn_failed", $"could not start the testnet: {e.Message}");
            }

            Print(context, plan, started, detached);
            if (detached) return ExitCodes.Ok;

            shutdown.Token.WaitHandle.WaitOne();
            if (!context.Json) Console.Out.WriteLine("stopping the testnet ...");
            var killed = supervisor.StopAll(Grace);
            if (killed.Count > 0) context.Error.WriteLine($"killed after {Grace.TotalSeconds:N0} s: {string.Join(", ", killed)}");
            File.Delete(Path.Combine(plan.Options.Directory, TestnetFile.FileName));
            if (!context.Json) Console.Out.WriteLine($"stopped {started.Count} process(es); data and logs kept in {plan.Options.Directory}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Down()
    {
        var dir = DirOption();
        var command = new Command("down", "Stop every process of a testnet (SIGTERM, then kill after a few seconds); data and logs are kept.") { dir };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            string root = Path.GetFullPath(parsed.GetValue(dir)!);
            var file = TestnetFile.Read(root);
            int stopped = 0;
            // A foreground 'testnet up' stops its children itself; then whatever is left goes, last started first.
            if (file.Supervisor is { } up && ProcessSupervisor.IsAlive(up.Pid, up.StartedAt))
            {
                ProcessSupervisor.Stop(up.Pid, up.StartedAt, TimeSpan.FromSeconds(Grace.TotalSeconds * 3));
                stopped++;
            }

            foreach (var member in file.Members.Reverse())
            {
                if (!ProcessSupervisor.IsAlive(member.Pid, member.StartedAt)) continue;
                bool killed = ProcessSupervisor.Stop(member.Pid, member.StartedAt, Grace);
                stopped++;
                if (!context.Json) Console.Out.WriteLine($"stopped {member.Role} {member.Name} (pid {member.Pid}){(killed ? ", killed after the grace period" : "")}");
            }

            File.Delete(Path.Combine(root, TestnetFile.FileName));
            if (context.Json) context.WriteJson(new JsonObject { ["dir"] = root, ["stopped"] = stopped });
            else Console.Out.WriteLine($"testnet in {root} is down; data and logs kept");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Status()
    {
        var dir = DirOption();
        var command = new Command("status", "Show which processes of a testnet are alive, and each validator's role and height.") { dir };
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            string root = Path.GetFullPath(parsed.GetValue(dir)!);
            var file = TestnetFile.Read(root);
            var rows = new JsonArray();
            var table = new Table().AddColumns("role", "name", "url", "pid", "alive", "raft role", "height");
            foreach (var member in file.Members)
            {
                bool alive = ProcessSupervisor.IsAlive(member.Pid, member.StartedAt);
                string role = "", height = "";
                if (alive && member.Role == TestnetMember.Validator)
                {
                    using var client = new FairshareClient(new Uri(member.Url), TimeSpan.FromSeconds(2));
                    try
                    {
                        var status = client.GetStatusAsync().GetAwaiter().GetResult();
                        (role, height) = (status.Role, status.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                    catch (FairshareApiException e)
                    {
                        role = e.Code;
                    }
                }

                table.AddRow(member.Role, member.Name, Markup.Escape(member.Url), $"{member.Pid}", alive ? "[green]yes[/]" : "[red]no[/]", Markup.Escape(role), height);
                rows.Add(new JsonObject
                {
                    ["role"] = member.Role, ["name"] = member.Name, ["url"] = member.Url, ["pid"] = member.Pid, ["alive"] = alive,
                    ["raftRole"] = role.Length == 0 ? null : role, ["height"] = height.Length == 0 ? null : ulong.Parse(height, System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            if (context.Json) context.WriteJson(new JsonObject { ["dir"] = root, ["chainId"] = file.ChainId, ["members"] = rows });
            else context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static TestnetEntry SelfEntry(TestnetPlan plan)
    {
        using var self = Process.GetCurrentProcess();
        return new TestnetEntry("supervisor", "testnet-up", "", self.Id, self.StartTime, Path.Combine(plan.LogsPath, "testnet-up.log"));
    }

    private static TestnetEntry Launch(ProcessSupervisor supervisor, CliLauncher launcher, TestnetMember member, TestnetPlan plan, TestnetEntry? self, List<TestnetEntry> started)
    {
        var child = supervisor.Start(member.Name, launcher.FileName, launcher.Arguments(member.Arguments), member.LogPath,
            new Dictionary<string, string> { ["NO_COLOR"] = "1" });
        var entry = new TestnetEntry(member.Role, member.Name, member.ApiUrl, child.Pid, child.StartedAt, member.LogPath, member.Arguments);
        new TestnetFile(TestnetOptions.ChainId, self, [.. started, entry]).Write(plan.Options.Directory);
        return entry;
    }

    /// <summary>Waits until every validator answers /health and one of them reports a leader.</summary>
    private static bool WaitForCluster(Output.CliContext context, TestnetPlan plan, ProcessSupervisor supervisor, CancellationToken ct)
    {
        var clients = plan.Validators.Select(v => new FairshareClient(new Uri(v.ApiUrl), TimeSpan.FromSeconds(2))).ToList();
        try
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < StartTimeout && !ct.IsCancellationRequested)
            {
                if (supervisor.Children.FirstOrDefault(c => !supervisor.IsRunning(c)) is { } dead)
                {
                    context.Fail("validator_exited", $"{dead.Name} exited while starting; see {dead.LogPath}");
                    return false;
                }

                bool healthy = clients.All(c => c.IsHealthyAsync(ct).GetAwaiter().GetResult());
                if (healthy && HasLeader(clients, ct)) return true;
                ct.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(250));
            }

            if (!ct.IsCancellationRequested)
                context.Fail("testnet_not_ready", $"the validators did not all answer with a leader within {StartTimeout.TotalSeconds:N0} s; see the logs in {plan.LogsPath}");
            return false;
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private static bool HasLeader(List<FairshareClient> clients, CancellationToken ct)
    {
        foreach (var client in clients)
        {
            try
            {
                if (client.GetStatusAsync(ct).GetAwaiter().GetResult().LeaderUrl is not null) return true;
            }
            catch (FairshareApiException)
            {
            }
        }

        return false;
    }

    private static void Print(Output.CliContext context, TestnetPlan plan, List<TestnetEntry> started, bool detached)
    {
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["dir"] = plan.Options.Directory,
                ["chainId"] = TestnetOptions.ChainId,
                ["detached"] = detached,
                ["members"] = new JsonArray([.. started.Select(e => (JsonNode)new JsonObject
                {
                    ["role"] = e.Role, ["name"] = e.Name, ["url"] = e.Url, ["pid"] = e.Pid, ["log"] = e.Log,
                })]),
            });
            return;
        }

        var table = new Table().Title($"testnet {TestnetOptions.ChainId} in {Markup.Escape(plan.Options.Directory)}").AddColumns("role", "name", "URL (node for agents)", "pid", "log");
        foreach (var e in started) table.AddRow(e.Role, e.Name, Markup.Escape(e.Url), $"{e.Pid}", Markup.Escape(Path.GetRelativePath(plan.Options.Directory, e.Log)));
        context.Console.Write(table);
        context.Console.MarkupLine(detached
            ? $"[grey]detached; stop it with 'fairshare testnet down --dir {Markup.Escape(plan.Options.Directory)}'[/]"
            : "[grey]running; Ctrl+C stops every process[/]");
    }
}
