using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fairshare.Cli.Tests;

/// <summary>
/// <c>fairshare keys export|import|recover|delete</c> and <c>new --mnemonic</c>, as real processes: never a terminal,
/// so every question needs <c>--yes</c> and every passphrase comes from $FAIRSHARE_PASSPHRASE.
/// </summary>
public sealed partial class KeysCommandTests : CliTestBase
{
    private static readonly Dictionary<string, string> Passphrase = new() { ["FAIRSHARE_PASSPHRASE"] = "correct horse" };

    [Fact]
    public void NewWithMnemonic_ThenRecover_GivesTheSameKey()
    {
        var created = Cli.RunWith(Passphrase, "keys", "new", "carol", "--mnemonic", "--json");
        Assert.True(created.ExitCode == 0, created.ToString());
        var document = JsonNode.Parse(created.Stdout)!;
        var words = document["mnemonic"]!.GetValue<string>();
        Assert.Equal(24, words.Split(' ').Length);
        Assert.Equal("m/44'/7337'/0'/0'/0'", document["derivationPath"]!.GetValue<string>());
        Assert.Contains("write these 24 words down", created.Stderr, StringComparison.Ordinal);

        // Another data directory, the words on standard input as a person might paste them.
        using var elsewhere = new CliProcess();
        var recovered = elsewhere.RunWithInput("  " + words.ToUpperInvariant().Replace(" ", "\n", StringComparison.Ordinal) + "\n", Passphrase, "keys", "recover", "carol", "--json");
        Assert.True(recovered.ExitCode == 0, recovered.ToString());
        var again = JsonNode.Parse(recovered.Stdout)!;
        Assert.Equal(document["publicKey"]!.GetValue<string>(), again["publicKey"]!.GetValue<string>());
        Assert.Equal(document["address"]!.GetValue<string>(), again["address"]!.GetValue<string>());

        // The recovered key keeps its words: export shows the same ones.
        var exported = JsonNode.Parse(Succeeded(elsewhere.RunWith(Passphrase, "keys", "export", "carol", "--yes", "--json")).Stdout)!;
        Assert.Equal(words, exported["mnemonic"]!.GetValue<string>());
        Assert.False(exported["bip39PassphraseNeeded"]!.GetValue<bool>());

        // A BIP-39 passphrase makes another key from the same words, and export says the words need it.
        var salted = elsewhere.RunWithInput(words, Passphrase, "keys", "recover", "carol-2", "--bip39-passphrase", "TREZOR", "--json");
        Assert.True(salted.ExitCode == 0, salted.ToString());
        Assert.NotEqual(document["publicKey"]!.GetValue<string>(), JsonNode.Parse(salted.Stdout)!["publicKey"]!.GetValue<string>());
        var saltedExport = JsonNode.Parse(Succeeded(elsewhere.RunWith(Passphrase, "keys", "export", "carol-2", "--yes", "--json")).Stdout)!;
        Assert.True(saltedExport["bip39PassphraseNeeded"]!.GetValue<bool>());

        // In text the words are printed once, numbered 1 to 24.
        var text = Cli.RunWith(Passphrase, "keys", "new", "dave", "--mnemonic");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal(Enumerable.Range(1, 24), NumberedWord().Matches(text.Stdout).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        var listed = Json("keys", "list").AsArray().Single(k => k!["name"]!.GetValue<string>() == "dave")!;
        Assert.True(listed["fromMnemonic"]!.GetValue<bool>());
    }

    [Fact]
    public void Export_ThenImport_InAnotherDataDirectory_GivesTheSameAccount()
    {
        var created = JsonNode.Parse(Succeeded(Cli.RunWith(Passphrase, "keys", "new", "erin", "--json")).Stdout)!;
        string address = created["address"]!.GetValue<string>();
        string publicKey = created["publicKey"]!.GetValue<string>();

        // --out: a new file, mode 0600, whatever the umask.
        string file = Path.Combine(Cli.Home, "erin.secret");
        Assert.Contains(file, Succeeded(Cli.RunWith(Passphrase, "keys", "export", "erin", "--yes", "--out", file)).Stdout, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var seed = SeedLine().Match(File.ReadAllText(file)).Groups[1].Value;
        Assert.Equal(64, seed.Length);
        // With --json the file holds the document, and stdout only where it went.
        string jsonFile = Path.Combine(Cli.Home, "erin.json.secret");
        var written = JsonNode.Parse(Succeeded(Cli.RunWith(Passphrase, "keys", "export", "erin", "--yes", "--out", jsonFile, "--json")).Stdout)!;
        Assert.Equal(jsonFile, written["out"]!.GetValue<string>());
        Assert.Null(written["seed"]);
        Assert.Equal(seed, JsonNode.Parse(File.ReadAllText(jsonFile))!["seed"]!.GetValue<string>());
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(jsonFile));
        // Never over an existing file.
        AssertOneLineError(Cli.RunWith(Passphrase, "keys", "export", "erin", "--yes", "--out", file), 1, "file_exists");

        // The file, standard input (export --json's document) and --seed-hex all make the same account elsewhere.
        using var elsewhere = new CliProcess();
        var fromFile = JsonNode.Parse(Succeeded(elsewhere.RunWith(Passphrase, "keys", "import", "erin", "--from-file", file, "--json")).Stdout)!;
        Assert.Equal(address, fromFile["address"]!.GetValue<string>());
        Assert.Equal(publicKey, fromFile["publicKey"]!.GetValue<string>());
        var document = Succeeded(Cli.RunWith(Passphrase, "keys", "export", "erin", "--yes", "--json")).Stdout;
        Assert.Equal(seed, JsonNode.Parse(document)!["seed"]!.GetValue<string>());
        var fromStdin = JsonNode.Parse(Succeeded(elsewhere.RunWithInput(document, Passphrase, "keys", "import", "erin-2", "--from-file", "-", "--json")).Stdout)!;
        Assert.Equal(address, fromStdin["address"]!.GetValue<string>());
        var fromOption = JsonNode.Parse(Succeeded(elsewhere.RunWith(Passphrase, "keys", "import", "erin-3", "--seed-hex", seed.ToUpperInvariant(), "--json")).Stdout)!;
        Assert.Equal(address, fromOption["address"]!.GetValue<string>());

        // The imported key is stored as 'keys new' stores keys: it opens with the passphrase only, and exports the same seed.
        Assert.Contains(seed, Succeeded(elsewhere.RunWith(Passphrase, "keys", "export", "erin", "--yes")).Stdout, StringComparison.Ordinal);
        var wrong = elsewhere.RunWith(new Dictionary<string, string> { ["FAIRSHARE_PASSPHRASE"] = "wrong" }, "keys", "export", "erin", "--yes");
        AssertOneLineError(wrong, 2, "wrong passphrase");
        Assert.DoesNotContain(seed, wrong.Stdout, StringComparison.Ordinal);

        // The same account: deleted here and imported again from the file, the key signs for what the address holds.
        Ok("transfer", "--from", "alice", "--to", address, "--amount", "5");
        Succeeded(Cli.Run("keys", "delete", "erin", "--yes"));
        Succeeded(Cli.RunWith(Passphrase, "keys", "import", "erin", "--from-file", file));
        Succeeded(Cli.RunWith(Passphrase, "transfer", "--from", "erin", "--to", "bob", "--amount", "1"));
    }

    [Fact]
    public void Export_WithoutYes_AndWithoutATerminal_RefusesAndPrintsNoSecret()
    {
        var seed = SeedLine().Match(Succeeded(Cli.Run("keys", "export", "alice", "--yes")).Stdout).Groups[1].Value;
        Assert.Equal(64, seed.Length);

        var refused = Cli.Run("keys", "export", "alice");
        AssertOneLineError(refused, 2, "--yes");
        Assert.Contains("[confirmation_required]", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, refused.Stdout);

        var refusedJson = Cli.Run("keys", "export", "alice", "--json");
        Assert.Equal(2, refusedJson.ExitCode);
        Assert.Equal("confirmation_required", JsonNode.Parse(refusedJson.Stdout)!["error"]!.GetValue<string>());
        Assert.DoesNotContain(seed, refusedJson.Stdout + refusedJson.Stderr, StringComparison.Ordinal);

        string file = Path.Combine(Cli.Home, "alice.secret");
        AssertOneLineError(Cli.Run("keys", "export", "alice", "--out", file), 2, "confirmation_required");
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void ImportAndRecover_RefuseBadSecretsAndTakenNames_WithoutEchoingTheSecret()
    {
        const string shortSeed = "00112233445566778899aabbccddeeff00112233445566778899aabbccddee";
        var badLength = Cli.RunWith(Passphrase, "keys", "import", "frank", "--seed-hex", shortSeed);
        AssertOneLineError(badLength, 2, "[bad_seed]");
        Assert.DoesNotContain(shortSeed, badLength.Stderr, StringComparison.Ordinal);
        AssertOneLineError(Cli.RunWith(Passphrase, "keys", "import", "frank", "--seed-hex", new string('g', 64)), 2, "not a hex digit");
        AssertOneLineError(Cli.RunWithInput("seed:\n", Passphrase, "keys", "import", "frank", "--from-file", "-"), 2, "[bad_seed]");
        AssertOneLineError(Cli.RunWith(Passphrase, "keys", "import", "frank"), 2, "exactly one of --seed-hex");
        AssertOneLineError(Cli.RunWith(Passphrase, "keys", "import", "frank", "--from-file", Path.Combine(Cli.Home, "missing")), 2, "does not exist");

        // A name that is taken is refused before the secret is read, as 'keys new' refuses it.
        const string seed = "000102030405060708090a0b0c0d0e0f000102030405060708090a0b0c0d0e0f";
        AssertOneLineError(Cli.RunWith(Passphrase, "keys", "import", "alice", "--seed-hex", seed), 1, "[AlreadyExists]");
        AssertOneLineError(Cli.RunWithInput("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", Passphrase, "keys", "recover", "alice"), 1, "[AlreadyExists]");

        // A mnemonic whose checksum fails (twelve times 'abandon': the valid one ends in 'about'), an unknown word, too few words, nothing.
        var checksum = Cli.RunWithInput(string.Join(' ', Enumerable.Repeat("abandon", 12)), Passphrase, "keys", "recover", "frank");
        AssertOneLineError(checksum, 2, "checksum");
        Assert.Contains("[bad_mnemonic]", checksum.Stderr, StringComparison.Ordinal);
        AssertOneLineError(Cli.RunWithInput("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abuot", Passphrase, "keys", "recover", "frank"), 2, "word 12 'abuot'");
        AssertOneLineError(Cli.RunWithInput("abandon about", Passphrase, "keys", "recover", "frank"), 2, "this has 2");
        AssertOneLineError(Cli.RunWith(Passphrase, "keys", "recover", "frank"), 2, "[bad_mnemonic]");
        Assert.DoesNotContain(Json("keys", "list").AsArray(), k => k!["name"]!.GetValue<string>() == "frank");

        // And the words of BIP-39's first vector do make a key (from a file, as 'keys export' would have written it).
        string file = Path.Combine(Cli.Home, "words.txt");
        File.WriteAllText(file, "# a comment\nmnemonic: abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about\n");
        Assert.Equal(0, Cli.RunWith(Passphrase, "keys", "recover", "frank", "--from-file", file).ExitCode);
    }

    [Fact]
    public void Delete_AsksFirst_SuggestsANearName_AndRemovesTheKey()
    {
        AssertOneLineError(Cli.Run("keys", "delete", "bob"), 2, "[confirmation_required]");
        Assert.Contains(Json("keys", "list").AsArray(), k => k!["name"]!.GetValue<string>() == "bob");

        AssertOneLineError(Cli.Run("keys", "delete", "bbo", "--yes"), 2, "did you mean 'bob'?");
        AssertOneLineError(Cli.Run("keys", "export", "alcie", "--yes"), 2, "did you mean 'alice'?");
        AssertOneLineError(Cli.Run("keys", "delete", "zzzzzzzz", "--yes"), 2, "no key named 'zzzzzzzz'");

        var deleted = Json("keys", "delete", "bob", "--yes");
        Assert.Equal("bob", deleted["name"]!.GetValue<string>());
        Assert.True(deleted["deleted"]!.GetValue<bool>());
        Assert.DoesNotContain(Json("keys", "list").AsArray(), k => k!["name"]!.GetValue<string>() == "bob");
        Assert.False(File.Exists(Path.Combine(Cli.Home, "keys", "bob.json")));
        AssertOneLineError(Cli.Run("transfer", "--from", "bob", "--to", "alice", "--amount", "1"), 2, "no key named 'bob'");
    }

    [Fact]
    public void DevelopmentKeys_SignAndExport_WhileFairsharePassphraseIsSet()
    {
        // Issue 20: a development chain made and used with $FAIRSHARE_PASSPHRASE set (for a person's own keys).
        using var chain = new CliProcess();
        Succeeded(chain.RunWith(Passphrase, "init"));
        Succeeded(chain.RunWith(Passphrase, "balance", "alice"));
        Succeeded(chain.RunWith(Passphrase, "transfer", "--from", "alice", "--to", "bob", "--amount", "1"));
        Succeeded(chain.RunWith(Passphrase, "keys", "new", "erin"));
        Succeeded(chain.RunWith(Passphrase, "transfer", "--from", "alice", "--to", "erin", "--amount", "2"));
        Succeeded(chain.RunWith(Passphrase, "transfer", "--from", "erin", "--to", "alice", "--amount", "1"));
        // Whatever the variable says, a development key opens with its empty passphrase, and a person's with theirs only.
        var other = new Dictionary<string, string> { ["FAIRSHARE_PASSPHRASE"] = "something else" };
        Succeeded(chain.RunWith(other, "transfer", "--from", "bob", "--to", "alice", "--amount", "1"));
        Assert.Contains("seed: ", Succeeded(chain.RunWith(other, "keys", "export", "alice", "--yes")).Stdout, StringComparison.Ordinal);
        AssertOneLineError(chain.RunWith(other, "transfer", "--from", "erin", "--to", "alice", "--amount", "1"), 2, "wrong passphrase");
    }

    private static CliRun Succeeded(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    [GeneratedRegex(@"^\s*(\d+)\s+[a-z]+\s*$", RegexOptions.Multiline)]
    private static partial Regex NumberedWord();

    [GeneratedRegex(@"^seed: ([0-9a-f]+)$", RegexOptions.Multiline)]
    private static partial Regex SeedLine();
}
