using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Client;
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
            With --node URL, download the node's genesis, blocks and receipts and replay those instead.
            """);
        command.SetAction(parsed => CliApp.Run(parsed, Run));
        return command;
    }

    private static int Run(CliContext context)
    {
        var watch = Stopwatch.StartNew();
        using var remote = ChainAccess.RemoteUrl(context) is { } url ? new FairshareClient(url) : null;
        Func<Action<ulong, ulong>?, ChainVerification> verify = remote is null
            ? progress => ChainVerifier.Verify(context.Data, progress)
            : RemoteVerifier(remote);
        ChainVerification result;
        if (context.Json || Console.IsOutputRedirected)
        {
            result = verify(null);
        }
        else
        {
            result = null!;
            context.Console.Progress().Start(progress =>
            {
                var task = progress.AddTask("replaying blocks", maxValue: 1);
                result = verify((height, latest) =>
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
                ["stateRoot"] = result.Head.ToString(),
                ["failedHeight"] = result.FailedHeight,
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

    /// <summary>Replays the blocks of the node up to its height when asked, on top of the genesis it serves.</summary>
    private static Func<Action<ulong, ulong>?, ChainVerification> RemoteVerifier(FairshareClient client)
    {
        var genesis = LedgerNode.LoadGenesis(RemoteChain.Wait(client.GetGenesisJsonAsync()), $"{client.BaseUrl}v1/genesis");
        ulong latest = RemoteChain.Wait(client.GetStatusAsync()).Height;
        return progress => ChainVerifier.Verify(genesis, new RemoteBlockSource(client, latest), progress);
    }
}
