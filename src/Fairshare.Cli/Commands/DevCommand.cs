using System.CommandLine;
using Fairshare.Cli.Output;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Commands;

/// <summary>Hidden developer commands used by the crash-safety tests.</summary>
public static class DevCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("dev", "Developer tools.") { Hidden = true };
        var blocks = new Option<int>("--blocks") { Description = "blocks to commit (0: until killed)", DefaultValueFactory = _ => 0 };
        var perBlock = new Option<int>("--txs-per-block") { DefaultValueFactory = _ => 20 };
        var loop = new Command("commit-loop", """
            Commit blocks of dev-key transfers (alice → bob) as fast as possible, printing
            'committed HEIGHT STATE_ROOT' only after each block is durable.
            """)
        {
            blocks, perBlock,
        };
        loop.SetAction(parsed => CliApp.RunLocal(parsed, "dev", writesStore: true, context => CommitLoop(context, parsed.GetValue(blocks), parsed.GetValue(perBlock))));
        command.Add(loop);
        var accounts = new Command("accounts", "Print the well-known development keys: name, address, public key.");
        accounts.SetAction(parsed => CliApp.RunLocal(parsed, "dev", writesStore: false, context =>
        {
            foreach (var name in DevAccounts.Names)
            {
                using var key = KeyPair.ForDevelopment(name);
                Console.Out.WriteLine($"{name} {key.Address} {key.PublicKey}");
            }

            return ExitCodes.Ok;
        }));
        command.Add(accounts);
        return command;
    }

    private static int CommitLoop(CliContext context, int blocks, int perBlock)
    {
        using var node = LedgerNode.Open(context.Data, passphrase: Passphrases.ForNodeKey);
        node.SnapshotInterval = 7;
        using var alice = KeyPair.ForDevelopment("alice");
        var bob = KeyPair.ForDevelopment("bob").Address;
        var stdout = Console.Out;
        for (int b = 0; blocks == 0 || b < blocks; b++)
        {
            ulong nonce = node.State.Find(alice.Address)?.Nonce ?? 0;
            var batch = new List<SignedTransaction>(perBlock);
            for (int i = 0; i < perBlock; i++)
            {
                var body = new Transaction(node.State.ChainId, nonce + (ulong)i, node.State.Params.MinFee, new TransferPayload(bob, AssetId.Fsh, Amount.One));
                batch.Add(SignedTransaction.Sign(body, alice));
            }

            var outcome = node.Commit(batch);
            if (outcome.Produced?.Block is not { } block)
                return context.Fail("rejected", $"the loop's transfers were rejected: {outcome.Rejected[0].Code}");
            stdout.WriteLine($"committed {block.Header.Height} {block.Header.StateRoot}");
            stdout.Flush();
        }

        return ExitCodes.Ok;
    }
}
