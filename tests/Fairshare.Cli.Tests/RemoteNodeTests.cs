using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Tests;

/// <summary>The CLI against a node over HTTP (--node URL, $FAIRSHARE_NODE, or the running node's note).</summary>
public sealed class RemoteNodeTests : CliTestBase
{
    [Fact]
    public async Task BalanceAndTransfer_ViaNode_PrintWhatTheyPrintLocally()
    {
        using var served = CopyOfChain();
        await using var server = await TestNodeServer.StartAsync(served.Home);
        string node = server.Url.ToString();

        Assert.Equal(Cli.Run("balance", "alice").Stdout, Cli.Run("balance", "alice", "--node", node).Stdout);
        var local = Json("transfer", "--from", "alice", "--to", "bob", "--amount", "12.5");
        var remote = Json("transfer", "--from", "alice", "--to", "bob", "--amount", "12.5", "--node", node);
        Assert.Equal(local.ToJsonString(), remote.ToJsonString());
        Assert.Equal(1UL, server.Height);

        var text = Cli.Run("transfer", "--from", "bob", "--to", "alice", "--amount", "1", "--node", node);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(Cli.Run("transfer", "--from", "bob", "--to", "alice", "--amount", "1").Stdout, text.Stdout);
        Assert.Equal(Json("balance", "bob").ToJsonString(), Json("balance", "bob", "--node", node).ToJsonString());

        var localBlock = Json("block", "show", "2");
        var remoteBlock = Json("block", "show", "latest", "--node", node);
        Assert.Equal(localBlock["transactions"]!.ToJsonString(), remoteBlock["transactions"]!.ToJsonString());
        Assert.Equal(server.StateRoot.ToString(), remoteBlock["stateRoot"]!.GetValue<string>());
    }

    [Fact]
    public async Task BalanceAndTransfer_ViaNode_ReadAccountProofs_NeverTheState()
    {
        await using var server = await TestNodeServer.StartAsync(Cli.Home);
        string node = server.Url.ToString();

        Assert.Equal(0, Json("balance", "alice", "--node", node)["nonce"]!.GetValue<int>());
        Assert.Equal("Ok", Json("transfer", "--from", "alice", "--to", "bob", "--amount", "2", "--node", node)["code"]!.GetValue<string>());
        var text = Cli.Run("transfer", "--from", "bob", "--to", "alice", "--amount", "1", "--fee", "0.001", "--node", node);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(1, Json("balance", "alice", "--node", node)["nonce"]!.GetValue<int>());
        Assert.Equal(1, Json("balance", "bob", "--node", node)["nonce"]!.GetValue<int>());

        Assert.Equal(2UL, server.Height);
        Assert.Equal(0, server.StateDownloads);
        Assert.Equal(5, server.ProofReads);
    }

    [Fact]
    public async Task RefusedTransaction_ViaNode_IsExplained_AndChangesNothing()
    {
        await using var server = await TestNodeServer.StartAsync(Cli.Home);
        string node = server.Url.ToString();
        var before = Json("balance", "bob", "--node", node);
        var refused = Cli.Run("transfer", "--from", "bob", "--to", "alice", "--amount", "999999999", "--node", node);
        AssertOneLineError(refused, 1, "transaction rejected: the balance does not cover the amount and the fee (InsufficientBalance); it needs 999,999,999.0001 FSH");
        Assert.Contains("; nothing changed [InsufficientBalance]", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(before.ToJsonString(), Json("balance", "bob", "--node", node).ToJsonString());
        Assert.Equal(0UL, server.Height);
        AssertOneLineError(Cli.Run("block", "show", "1", "--node", node), 1, "no block at height 1");
    }

    [Fact]
    public async Task RunningNodeNote_SendsCommandsToTheNode_AndGuardsItsStore()
    {
        var data = new DataDirectory(Cli.Home);
        await using (var server = await TestNodeServer.StartAsync(Cli.Home))
        {
            new RunningNode(Environment.ProcessId, server.Url.ToString()).Write(data);
            Assert.Equal("Ok", Json("transfer", "--from", "alice", "--to", "bob", "--amount", "3")["code"]!.GetValue<string>());
            Assert.Equal(1UL, server.Height);
            Assert.True(server.Requests >= 2);
            Assert.Equal(1, Json("balance", "alice")["nonce"]!.GetValue<int>());
            AssertOneLineError(Cli.Run("init", "--force"), 1, "stop it first");
        }

        File.Delete(data.RunningNodePath);
        Assert.Equal(1, Json("balance", "alice")["nonce"]!.GetValue<int>());
    }

    [Fact]
    public void UnreachableNode_IsOneClearLine_Exit1()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        AssertOneLineError(Cli.Run("balance", "alice", "--node", $"http://127.0.0.1:{port}"), 1, "cannot reach the node");
        AssertOneLineError(Cli.Run("verify-chain", "--node", $"http://127.0.0.1:{port}"), 1, "[unreachable]");
    }

    [Theory]
    [InlineData("not-a-url")]
    [InlineData("ftp://127.0.0.1:21")]
    public void BadNodeUrl_IsAUsageError_Exit2(string url)
    {
        AssertOneLineError(Cli.Run("balance", "alice", "--node", url), 2, "is not a node URL");
        AssertOneLineError(Cli.RunWith(new Dictionary<string, string> { ["FAIRSHARE_NODE"] = url }, "balance", "alice"), 2, "$FAIRSHARE_NODE");
    }

    [Fact]
    public async Task NodeErrors_AndATamperedState_AreRefused()
    {
        await using var server = await TestNodeServer.StartAsync(Cli.Home);
        string node = server.Url.ToString();
        Assert.Equal(0, Cli.Run("transfer", "--from", "alice", "--to", "bob", "--amount", "1", "--node", node).ExitCode);

        server.TamperState = true;
        AssertOneLineError(Cli.Run("balance", "alice", "--node", node), 1, "[state_unverified]");
        var transfer = Cli.Run("transfer", "--from", "alice", "--to", "bob", "--amount", "1", "--node", node);
        AssertOneLineError(transfer, 1, "does not match its signed block");
        Assert.Equal(1UL, server.Height);

        server.TamperState = false;
        server.RefuseState = true;
        AssertOneLineError(Cli.Run("balance", "alice", "--node", node), 1, "the node answered 503: the node is still recovering its state; try again in a moment [not_ready]");
        var json = Cli.Run("balance", "alice", "--node", node, "--json");
        Assert.Equal("not_ready", JsonNode.Parse(json.Stdout)!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task VerifyChain_ViaNode_ReplaysItsBlocks()
    {
        await using var server = await TestNodeServer.StartAsync(Cli.Home);
        string node = server.Url.ToString();
        for (int i = 1; i <= 3; i++)
            Assert.Equal(0, Cli.Run("transfer", "--from", "alice", "--to", "bob", "--amount", i.ToString(), "--node", node).ExitCode);
        var verified = Json("verify-chain", "--node", node);
        Assert.True(verified["ok"]!.GetValue<bool>());
        Assert.Equal(3, verified["blocks"]!.GetValue<int>());
        Assert.Equal(3, verified["transactions"]!.GetValue<int>());
        Assert.Equal(server.StateRoot.ToString(), verified["stateRoot"]!.GetValue<string>());
    }

    [Fact]
    public void LocalCommands_SayTheyIgnoreNode()
    {
        var run = Cli.Run("keys", "list", "--node", "http://127.0.0.1:9");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("'keys' works on the local data directory only", run.Stderr, StringComparison.Ordinal);
    }

    private CliProcess CopyOfChain()
    {
        var copy = new CliProcess();
        foreach (var file in Directory.GetFiles(Cli.Home)) File.Copy(file, Path.Combine(copy.Home, Path.GetFileName(file)));
        return copy;
    }
}
