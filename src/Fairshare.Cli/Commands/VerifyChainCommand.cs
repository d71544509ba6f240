using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Node.Chain;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare verify-chain</c>: replays the stored chain from genesis and checks everything.</summary>
public static class VerifyChainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("verify-chain", """
            Replay every stored block from genesis: check each transaction signature, each validator signature,
            each state root and receipts root, and that stored receipts equal re-execution. Exit 1 at the first bad block.
            """);
        command.SetAction(parsed => CliApp.Run(parsed, Run));
        return command;
    }

    private static int Run(CliContext context)
    {
        var watch = Stopwatch.StartNew();
        ChainVerification result;
        if (context.Json || Console.IsOutputRedirected)
        {
            result = ChainVerifier.Verify(context.Data);
        }
        else
        {
            result = null!;
            context.Console.Progress().Start(progress =>
            {
                var task = progress.AddTask("replaying blocks", maxValue: 1);
                result = ChainVerifier.Verify(context.Data, (height, latest) =>
                {
                    task.MaxValue = latest;
                    task.Value = height;
                });
                task.Value = task.MaxValue;
            });
        }

        double seconds = watch.Elapsed.TotalSeconds;
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["ok"] = result.IsOk,
                ["blocks"] = result.BlocksChecked,
                ["transactions"] = result.TransactionsChecked,
                ["state_root"] = result.Head.ToString(),
                ["failed_height"] = result.FailedHeight,
                ["failure"] = result.Failure,
                ["seconds"] = seconds,
            });
            return result.IsOk ? ExitCodes.Ok : ExitCodes.Failure;
        }

        if (!result.IsOk)
            return context.Fail("chain_invalid", $"block {result.FailedHeight} is invalid: {result.Failure} ({result.BlocksChecked} blocks before it are good)");
        context.Console.MarkupLine($"[green]ok[/] {result.BlocksChecked} blocks, {result.TransactionsChecked} transactions replayed in {seconds:F2} s " +
            $"({result.TransactionsChecked / Math.Max(seconds, 1e-9):N0} tx/s); state root {result.Head}");
        return ExitCodes.Ok;
    }
}
