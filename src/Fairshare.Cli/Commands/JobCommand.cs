using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Fairshare.Agents.Jobs;
using Fairshare.Agents.Remote;
using Fairshare.Cli.Output;
using Fairshare.Client;
using Fairshare.Core.Crypto;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare job quote|submit|status|result|cancel|list</c>: run your own ONNX model on the network, over a node's
/// HTTP API (<c>--node</c>, <c>$FAIRSHARE_NODE</c>, or the node running on <c>--data</c>), signing locally with
/// <c>--from NAME</c> (or <c>--dev-key NAME</c> on a local testnet). Every verb takes <c>--json</c>.
/// </summary>
public static class JobCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("job", """
            Run your own ONNX model on the network and get checked outputs back. Inputs are NumPy files: NAME=FILE.npy per
            model input, an .npz of named arrays, or folders (NAME=DIR of .npy files, or a DIR of .npz files) whose files
            run as one job and come back in the same layout. 'quote' checks everything locally and prices the job against
            the current offers; 'submit' uploads, locks the escrow and (with --wait) follows the job to its verified outputs.
            """);
        command.Add(Quote());
        command.Add(Submit());
        command.Add(Status());
        command.Add(Result());
        command.Add(Cancel());
        command.Add(List());
        return command;
    }

    private static Command Quote()
    {
        var options = new RequestOptions();
        var command = new Command("quote", """
            Check a job locally and price it, moving no money: the model must be ONNX with operators and opsets the
            providers' runtime supports and load in ONNX Runtime; every input must fit the model's signature (name, dtype,
            shape); both must be within the chain's size limits. Prints the work estimated from the graph, every
            provider's price for it (and which qualify now), and the escrow a submission would lock.
            """);
        options.AddTo(command);
        command.SetAction(parsed => CliApp.Run(parsed, context => WithNode(context, (jobs, ct) =>
        {
            var request = options.Request(parsed);
            var quote = jobs().QuoteAsync(request, ct).GetAwaiter().GetResult();
            if (context.Json) context.WriteJson(JobViews.Quote(quote));
            else JobViews.PrintQuote(context.Console, quote);
            return ExitCodes.Ok;
        }, signer: null)));
        return command;
    }

    private static Command Submit()
    {
        var options = new RequestOptions();
        var keys = new KeyOptions();
        var wait = new Option<bool>("--wait") { Description = "follow the job (matched, running, committed, verified, settled) and fetch its outputs" };
        var outDir = new Option<string?>("--out") { Description = "with --wait: write the outputs here (a folder, or FILE.npz)" };
        var timeout = new Option<int>("--timeout-s") { Description = "with --wait: stop waiting after this many seconds (the job goes on)", DefaultValueFactory = _ => 600 };
        var command = new Command("submit", """
            Check the job as 'quote' does, upload the model and inputs, and send the submission, which locks
            cap × work units × executions of FSH in escrow (what is not paid out is refunded). Prints the job id. With
            --wait it follows the job to the end and, with --out, writes the verified outputs as .npy files named after
            the model's outputs, in the inputs' layout. Nothing is uploaded or locked when a check fails.
            """);
        options.AddTo(command);
        keys.AddTo(command);
        command.Add(wait);
        command.Add(outDir);
        command.Add(timeout);
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            if (parsed.GetValue(outDir) is not null && !parsed.GetValue(wait)) throw new CliUsageException("--out needs --wait (or fetch the outputs later with 'fairshare job result ID --out DIR')");
            return WithNode(context, (jobs, ct) =>
            {
                var request = options.Request(parsed);
                var submitted = jobs().SubmitAsync(request, ct).GetAwaiter().GetResult();
                if (!parsed.GetValue(wait))
                {
                    if (context.Json) context.WriteJson(JobViews.Submitted(submitted));
                    else JobViews.PrintSubmitted(context.Console, submitted);
                    return ExitCodes.Ok;
                }

                if (!context.Json) JobViews.PrintSubmitted(context.Console, submitted);
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                limit.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, parsed.GetValue(timeout))));
                var status = Follow(context, jobs(), submitted.Id, limit.Token);
                return Finish(context, jobs(), status, parsed.GetValue(outDir), submitted, ct);
            }, keys.Signer(parsed));
        }));
        return command;
    }

    private static Command Status()
    {
        var id = IdArgument();
        var wait = new Option<bool>("--wait") { Description = "follow the job until it ends" };
        var command = new Command("status", "Where a job stands: its phase, slots (provider, role, status, price), escrow, payments and refund.") { id, wait };
        command.SetAction(parsed => CliApp.Run(parsed, context => WithNode(context, (jobs, ct) =>
        {
            var status = parsed.GetValue(wait) ? Follow(context, jobs(), parsed.GetValue(id), ct) : jobs().StatusAsync(parsed.GetValue(id), ct).GetAwaiter().GetResult();
            if (context.Json) context.WriteJson(JobViews.Status(status));
            else JobViews.PrintStatus(context.Console, status);
            return ExitCodes.Ok;
        }, signer: null)));
        return command;
    }

    private static Command Result()
    {
        var id = IdArgument();
        var outDir = new Option<string>("--out") { Description = "where to write the outputs (a folder, or FILE.npz)", Required = true };
        var command = new Command("result", """
            Fetch a settled job's verified output from the network, check it against the hash the chain accepted, and
            write it as .npy files named after the model's outputs, in the layout of the inputs.
            """)
        {
            id, outDir,
        };
        command.SetAction(parsed => CliApp.Run(parsed, context => WithNode(context, (jobs, ct) =>
        {
            var result = jobs().ResultAsync(parsed.GetValue(id), ct).GetAwaiter().GetResult();
            var files = JobOutputFiles.Write(result.Outputs, parsed.GetValue(outDir)!);
            if (context.Json) context.WriteJson(JobViews.Result(result, files));
            else JobViews.PrintResult(context.Console, result, files);
            return ExitCodes.Ok;
        }, signer: null)));
        return command;
    }

    private static Command Cancel()
    {
        var id = IdArgument();
        var keys = new KeyOptions();
        var command = new Command("cancel", "Cancel one of your jobs that no provider was assigned to yet; the whole escrow comes back.") { id };
        keys.AddTo(command);
        command.SetAction(parsed => CliApp.Run(parsed, context => WithNode(context, (jobs, ct) =>
        {
            ulong job = parsed.GetValue(id);
            ulong height = jobs().CancelAsync(job, ct).GetAwaiter().GetResult();
            if (context.Json) context.WriteJson(new JsonObject { ["job"] = job, ["cancelledInBlock"] = height });
            else context.Console.MarkupLine($"[green]ok[/] job {job} cancelled in block {height}; its escrow was refunded");
            return ExitCodes.Ok;
        }, keys.Signer(parsed))));
        return command;
    }

    private static Command List()
    {
        var keys = new KeyOptions();
        var mine = new Option<bool>("--mine") { Description = "only the jobs of the key given by --from or --dev-key" };
        var state = new Option<string?>("--state") { Description = "only jobs in this state: open, running, disputed, settled, failed, cancelled" };
        var limit = new Option<int>("--limit") { Description = "show at most this many (newest first)", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "The chain's jobs, newest first: id, client, state, policy, work units, escrow, paid and refunded.") { mine, state, limit };
        keys.AddTo(command);
        command.SetAction(parsed => CliApp.Run(parsed, context =>
        {
            JobState? filter = parsed.GetValue(state) is { } text
                ? Enum.TryParse<JobState>(text, ignoreCase: true, out var parsedState) && Enum.IsDefined(parsedState) ? parsedState
                    : throw new CliUsageException($"--state {text}: choose open, running, disputed, settled, failed or cancelled")
                : null;
            if (parsed.GetValue(limit) < 1) throw new CliUsageException("--limit must be at least 1");
            bool onlyMine = parsed.GetValue(mine);
            if (onlyMine && !keys.Given(parsed)) throw new CliUsageException("--mine needs the key: --from NAME or --dev-key NAME");
            return WithNode(context, (jobs, ct) =>
            {
                var list = jobs().ListAsync(onlyMine, filter, ct).GetAwaiter().GetResult().Take(parsed.GetValue(limit)).ToList();
                if (context.Json) context.WriteJson(new JsonArray([.. list.Select(j => (JsonNode)JobViews.Job(j))]));
                else JobViews.PrintList(context.Console, list);
                return ExitCodes.Ok;
            }, onlyMine ? keys.Signer(parsed) : null);
        }));
        return command;
    }

    private static JobStatus Follow(CliContext context, JobClient jobs, ulong id, CancellationToken ct)
    {
        // Progress lines go to stderr, so stdout keeps the result alone (and --json one document).
        var progress = new LineProgress(s =>
        {
            if (!context.Json) context.Error.WriteLine($"job {id}: {s.Describe()}");
        });
        try
        {
            return jobs.WaitAsync(id, progress, ct).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw new JobException(JobErrors.Timeout, $"stopped waiting; job {id} goes on: follow it with 'fairshare job status {id} --wait'");
        }
    }

    private static int Finish(CliContext context, JobClient jobs, JobStatus status, string? outDir, SubmittedJob submitted, CancellationToken ct)
    {
        if (status.Job.State != JobState.Settled)
        {
            if (context.Json) context.WriteJson(JobViews.Status(status));
            else JobViews.PrintStatus(context.Console, status);
            return context.Fail(JobErrors.NoOutput, $"job {status.Job.Id} ended {status.Phase.ToString().ToLowerInvariant()} without a verified output; {TokenText.Fsh(status.Job.Refunded)} was refunded");
        }

        var result = jobs.ResultAsync(status.Job.Id, ct).GetAwaiter().GetResult();
        JobClient.CheckAgainst(result.Outputs, submitted.Quote.Prepared);
        IReadOnlyList<string> files = outDir is null ? [] : JobOutputFiles.Write(result.Outputs, outDir);
        if (context.Json) context.WriteJson(JobViews.Result(result, files));
        else JobViews.PrintResult(context.Console, result, files);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Runs <paramref name="body"/> against the node with a <see cref="JobClient"/> made on first use (so a bad command
    /// line or input file is reported before a passphrase is asked for), turning expected failures into one error line.
    /// </summary>
    private static int WithNode(CliContext context, Func<Func<JobClient>, CancellationToken, int> body, Func<CliContext, HttpNodeGateway, CancellationToken, KeyPair>? signer)
    {
        using var shutdown = new ShutdownSignal();
        using var client = new FairshareClient(AgentKeys.NodeUrl(context));
        var gateway = new HttpNodeGateway(client);
        KeyPair? key = null;
        JobClient? jobs = null;
        try
        {
            return body(() => jobs ??= new JobClient(gateway, key = signer?.Invoke(context, gateway, shutdown.Token)), shutdown.Token);
        }
        catch (JobException e)
        {
            return context.Fail(e.Code, e.Message);
        }
        catch (GatewayException e)
        {
            return context.Fail(e.Code, e.Code == "unreachable"
                ? $"{e.Message}; is a node running at {client.BaseUrl}? start one with 'fairshare node start' or pass --node URL"
                : e.Message);
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            return context.Fail("interrupted", "interrupted; anything already submitted goes on: see 'fairshare job list --mine'");
        }
        finally
        {
            key?.Dispose();
        }
    }

    private static Argument<ulong> IdArgument() => new("ID") { Description = "the job's id (see 'fairshare job list')" };

    /// <summary>Reports on the waiting thread at once (<see cref="Progress{T}"/> would post to the thread pool and reorder lines).</summary>
    private sealed class LineProgress(Action<JobStatus> report) : IProgress<JobStatus>
    {
        public void Report(JobStatus value) => report(value);
    }
}
