using Fairshare.Node.Chain;

namespace Fairshare.Cli.Tests;

/// <summary>
/// <c>$FAIRSHARE_PASSPHRASE_FILE</c>: a service (the systemd units' credential) hands the passphrase over as a file, so
/// it is never in the environment; one trailing line break is not part of it, and a file that cannot be read is a
/// usage error that names the variable.
/// </summary>
public sealed class PassphraseFileTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void InitEncryptKey_TakesThePassphraseFromTheFile_WithoutItsLineBreak()
    {
        string file = Path.Combine(_cli.Home, "passphrase");
        File.WriteAllText(file, "from a file\n");

        var init = _cli.RunWith(new Dictionary<string, string> { ["FAIRSHARE_PASSPHRASE_FILE"] = file }, "init", "--encrypt-key");

        Assert.True(init.ExitCode == 0, init.ToString());
        string key = new DataDirectory(_cli.Home).NodeKeyPath;
        Assert.True(NodeKeyFile.IsEncrypted(key));
        using var opened = NodeKeyFile.Unlock(key, () => "from a file");
        Assert.NotNull(opened);
        var balance = _cli.RunWith(new Dictionary<string, string> { ["FAIRSHARE_PASSPHRASE_FILE"] = file }, "balance", "alice");
        Assert.True(balance.ExitCode == 0, balance.ToString());
    }

    [Fact]
    public void AFileThatCannotBeRead_IsAUsageError_NamingTheVariable()
    {
        string missing = Path.Combine(_cli.Home, "no-such-file");

        var init = _cli.RunWith(new Dictionary<string, string> { ["FAIRSHARE_PASSPHRASE_FILE"] = missing }, "init", "--encrypt-key");

        Assert.Equal(2, init.ExitCode);
        var line = Assert.Single(init.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("$FAIRSHARE_PASSPHRASE_FILE names " + missing, line, StringComparison.Ordinal);
        Assert.False(new DataDirectory(_cli.Home).IsInitialized);
    }
}
