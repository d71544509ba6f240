using System.Diagnostics;
using System.Text.Json.Nodes;
using Fairshare.Node.Chain;

namespace Fairshare.Cli.Tests;

/// <summary>
/// A validator key encrypted with a passphrase, as wallet keys are: <c>init --encrypt-key</c>, <c>node encrypt-key</c>,
/// and <c>node start</c> (and the local chain commands), which open it only with its passphrase.
/// </summary>
public sealed class NodeKeyCommandTests : IDisposable
{
    private const string Passphrase = "validator passphrase";
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly Dictionary<string, string> WithPassphrase = new() { ["FAIRSHARE_PASSPHRASE"] = Passphrase };

    private readonly CliProcess _cli = new();

    private string KeyPath => new DataDirectory(_cli.Home).NodeKeyPath;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void InitEncryptKey_RefusesNoOrAnEmptyPassphrase_ThenWritesAnEncrypted0600Key_ThatStaysEncryptedAsANodeKeyFile()
    {
        AssertError(_cli.Run("init", "--encrypt-key"), 2, "FAIRSHARE_PASSPHRASE");
        AssertError(_cli.RunWith(new Dictionary<string, string> { ["FAIRSHARE_PASSPHRASE"] = "" }, "init", "--encrypt-key"), 2, "empty passphrase");
        Assert.False(File.Exists(KeyPath));
        Assert.False(new DataDirectory(_cli.Home).IsInitialized);

        var init = _cli.RunWith(WithPassphrase, "init", "--encrypt-key", "--json");

        Assert.True(init.ExitCode == 0, init.ToString());
        var document = JsonNode.Parse(init.Stdout)!;
        Assert.True(document["nodeKeyEncrypted"]!.GetValue<bool>());
        Assert.True(NodeKeyFile.IsEncrypted(KeyPath));
        if (!OperatingSystem.IsWindows()) Assert.Equal(Mode0600, File.GetUnixFileMode(KeyPath));
        using var key = NodeKeyFile.Unlock(KeyPath, () => Passphrase);
        Assert.Equal(document["validator"]!.GetValue<string>(), key.PublicKey.ToString());

        // Given to another init with --node-key, the encrypted key opens only with its passphrase, and stays encrypted.
        var other = new DataDirectory(Path.Combine(_cli.Home, "other"));
        string[] reuse = ["init", "--data", other.Root, "--genesis", new DataDirectory(_cli.Home).GenesisPath, "--node-key", KeyPath];
        AssertError(_cli.Run(reuse), 2, "[node_key_locked]");
        var reused = _cli.RunWith(WithPassphrase, reuse);
        Assert.True(reused.ExitCode == 0, reused.ToString());
        Assert.True(NodeKeyFile.IsEncrypted(other.NodeKeyPath));
        using var copy = NodeKeyFile.Unlock(other.NodeKeyPath, () => Passphrase);
        Assert.Equal(key.PublicKey, copy.PublicKey);
    }

    [Fact]
    public async Task NodeStart_WithAnEncryptedKey_StartsOnlyWithItsPassphrase()
    {
        var init = _cli.RunWith(WithPassphrase, "init", "--encrypt-key");
        Assert.True(init.ExitCode == 0, init.ToString());
        var ports = new Fairshare.Testnet.FreePorts();
        string api = $"http://127.0.0.1:{ports.Next()}";
        string[] start = ["node", "start", "--data", _cli.Home, "--api", api, "--raft", $"127.0.0.1:{ports.Next()}"];
        // 'node start' runs from the CLI's own build output (see CliProcess.OwnBuildExecutable).
        using var launcher = new CliProcess(CliProcess.OwnBuildExecutable);

        AssertError(launcher.Run(start), 2, "[node_key_locked]", "FAIRSHARE_PASSPHRASE");
        AssertError(launcher.RunWith(new Dictionary<string, string> { ["FAIRSHARE_PASSPHRASE"] = "wrong" }, start), 2,
            "[node_key_wrong_passphrase]", "FAIRSHARE_PASSPHRASE");
        Assert.False(File.Exists(new DataDirectory(_cli.Home).RunningNodePath)); // nothing started
        // Without a node running, the local chain commands open the chain with the node key too.
        AssertError(_cli.Run("balance", "alice"), 2, "[node_key_locked]");
        var balance = _cli.RunWith(WithPassphrase, "balance", "alice");
        Assert.True(balance.ExitCode == 0, balance.ToString());

        var info = launcher.StartInfo(start);
        info.Environment["FAIRSHARE_PASSPHRASE"] = Passphrase;
        using var node = Process.Start(info)!;
        var stderr = node.StandardError.ReadToEndAsync();
        node.OutputDataReceived += (_, _) => { };
        node.BeginOutputReadLine();
        try
        {
            using var http = new HttpClient();
            bool healthy = false;
            for (int i = 0; i < 600 && !healthy && !node.HasExited; i++)
            {
                healthy = await Healthy(http, api);
                if (!healthy) await Task.Delay(100);
            }

            Assert.True(healthy, node.HasExited ? $"node start exited {node.ExitCode}: {await stderr}" : "node start did not become healthy");
        }
        finally
        {
            if (!node.HasExited) node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
        }
    }

    [Fact]
    public void NodeEncryptKey_ConvertsAPlainKey_AndRefusesASecondTime()
    {
        var init = _cli.Run("init");
        Assert.True(init.ExitCode == 0, init.ToString());
        string validator;
        using (var plain = NodeKeyFile.Read(KeyPath)) validator = plain.PublicKey.ToString();

        AssertError(_cli.Run("node", "encrypt-key"), 2, "FAIRSHARE_PASSPHRASE");
        Assert.False(NodeKeyFile.IsEncrypted(KeyPath));

        var encrypted = _cli.RunWith(WithPassphrase, "node", "encrypt-key", "--json");

        Assert.True(encrypted.ExitCode == 0, encrypted.ToString());
        var document = JsonNode.Parse(encrypted.Stdout)!;
        Assert.Equal(validator, document["validator"]!.GetValue<string>());
        Assert.True(document["nodeKeyEncrypted"]!.GetValue<bool>());
        Assert.True(NodeKeyFile.IsEncrypted(KeyPath));
        if (!OperatingSystem.IsWindows()) Assert.Equal(Mode0600, File.GetUnixFileMode(KeyPath));
        Assert.Empty(Directory.GetFiles(_cli.Home, "*.tmp"));
        using (var key = NodeKeyFile.Unlock(KeyPath, () => Passphrase)) Assert.Equal(validator, key.PublicKey.ToString());

        string before = File.ReadAllText(KeyPath);
        AssertError(_cli.RunWith(WithPassphrase, "node", "encrypt-key"), 1, "[already_encrypted]");
        Assert.Equal(before, File.ReadAllText(KeyPath));
    }

    /// <summary>The run failed with the exit code and one <c>error: …</c> line on stderr holding each of the texts.</summary>
    private static void AssertError(CliRun run, int exitCode, params string[] mustContain)
    {
        Assert.True(run.ExitCode == exitCode, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        foreach (var text in mustContain) Assert.Contains(text, line, StringComparison.Ordinal);
    }

    private static async Task<bool> Healthy(HttpClient http, string api)
    {
        try
        {
            return (await http.GetAsync(new Uri(api + "/health"))).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
