using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Node.Wallet;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare keys import NAME</c> (a hex seed) and <c>fairshare keys recover NAME</c> (a BIP-39 mnemonic): a key
/// made again from its secret and stored as <c>keys new</c> stores keys. The secret comes from a file or standard
/// input (<c>--from-file -</c>), so that it need not stand on the command line where other users and the shell's
/// history can read it; the file may be what <c>keys export</c> wrote.
/// </summary>
public static class KeysImport
{
    /// <summary>The code of a seed that is not 64 hex digits (exit 2).</summary>
    public const string BadSeedCode = "bad_seed";

    /// <summary>The code of a mnemonic with a wrong word count, an unknown word or a failed checksum (exit 2).</summary>
    public const string BadMnemonicCode = "bad_mnemonic";

    /// <summary>The most bytes of a secret read from a file or standard input.</summary>
    private const int MaxSecretChars = 64 * 1024;

    /// <summary>Builds the <c>import</c> verb.</summary>
    public static Command CreateImport()
    {
        var name = KeysCommand.NameArgument();
        var seedHex = new Option<string?>("--seed-hex")
        {
            Description = "the 32-byte Ed25519 seed as 64 hex digits (on the command line: prefer --from-file)",
        };
        var fromFile = FromFileOption("a file holding the seed: 64 hex digits, or what 'keys export' wrote; '-' reads standard input");
        var import = new Command("import", $"""
            Store a key from its 32-byte Ed25519 seed (RFC 8032 private key), given by exactly one of --seed-hex and
            --from-file, encrypted as 'keys new' stores keys (the passphrase from ${Passphrases.EnvironmentVariable}, else
            asked twice at a terminal). A name that is taken is refused. To keep a key's mnemonic, use 'keys recover'.
            """) { name, seedHex, fromFile };
        import.SetAction(parsed => CliApp.RunLocal(parsed, "keys", writesStore: false,
            context => Import(context, parsed.GetValue(name)!, parsed.GetValue(seedHex), parsed.GetValue(fromFile))));
        return import;
    }

    /// <summary>Builds the <c>recover</c> verb.</summary>
    public static Command CreateRecover()
    {
        var name = KeysCommand.NameArgument();
        var fromFile = FromFileOption("a file holding the words, or what 'keys export' wrote; '-' reads standard input "
            + "(the default when it is not a terminal; at a terminal the words are asked for, hidden)");
        var bip39Passphrase = new Option<string?>("--bip39-passphrase")
        {
            Description = "the BIP-39 passphrase (the \"25th word\") the words were used with, if any; another one recovers another key",
        };
        var recover = new Command("recover", $"""
            Make a key again from its BIP-39 mnemonic (12 to 24 English words, checksum checked): the BIP-39 seed, then
            SLIP-0010 Ed25519 derivation along {KeyDerivation.Path}. Stored as 'keys new' stores keys, with the words,
            so that 'keys export' shows them.
            """) { name, fromFile, bip39Passphrase };
        recover.SetAction(parsed => CliApp.RunLocal(parsed, "keys", writesStore: false,
            context => Recover(context, parsed.GetValue(name)!, parsed.GetValue(fromFile), parsed.GetValue(bip39Passphrase))));
        return recover;
    }

    /// <summary>
    /// The value labelled <paramref name="label"/> in a secret's text: a <c>label: value</c> line (as <c>keys export</c>
    /// writes them, <c>#</c> lines being comments), the member of a JSON document (<c>keys export --json</c>), or else
    /// the whole text when it has no labelled lines at all (a bare seed or mnemonic). Null when it has none.
    /// </summary>
    public static string? Field(string text, string label)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(trimmed) is JsonObject document && document[label] is JsonValue value && value.TryGetValue(out string? field) ? field : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        var lines = trimmed.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var labelled = lines.Where(l => l.Contains(':', StringComparison.Ordinal)).ToList();
        if (labelled.Count == 0) return lines.Count == 0 ? null : string.Join(' ', lines);
        return labelled.Where(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim().Equals(label, StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }

    private static Option<string?> FromFileOption(string description) => new("--from-file") { Description = description };

    private static int Import(CliContext context, string name, string? seedHex, string? fromFile)
    {
        if ((seedHex is null) == (fromFile is null))
            throw new CliUsageException("give the seed with exactly one of --seed-hex HEX and --from-file FILE ('-' for standard input)");
        var keystore = Wallet.Open(context);
        if (KeysCommand.CheckNewName(context, keystore, name) is int refused) return refused;

        string? hex = seedHex ?? Field(ReadSecret(fromFile!), "seed");
        if (hex is null) return KeysCommand.Refuse(context, BadSeedCode, $"{Describe(fromFile!)} holds no seed (64 hex digits, or a 'seed:' line); nothing was stored");
        hex = hex.Trim();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex[2..];
        if (hex.Length != Keystore.SeedSize * 2 || !hex.All(char.IsAsciiHexDigit))
        {
            // The message describes the text, never repeats it: it is meant to be a secret.
            string what = hex.Length != Keystore.SeedSize * 2
                ? $"{hex.Length.ToString(CultureInfo.InvariantCulture)} characters"
                : "a character that is not a hex digit";
            return KeysCommand.Refuse(context, BadSeedCode, $"a seed is {Keystore.SeedSize * 2} hex digits (32 bytes); this has {what}; nothing was stored");
        }

        var seed = Convert.FromHexString(hex);
        try
        {
            return KeysCommand.Store(context, keystore, name, seed, [], "imported");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static int Recover(CliContext context, string name, string? fromFile, string? bip39Passphrase)
    {
        var keystore = Wallet.Open(context);
        if (KeysCommand.CheckNewName(context, keystore, name) is int refused) return refused;

        string text;
        if (fromFile is not null) text = ReadSecret(fromFile);
        else if (Console.IsInputRedirected) text = ReadSecret("-");
        else if (Passphrases.CanPrompt) text = Passphrases.Prompt("Mnemonic (the words in order, separated by spaces):");
        else throw new CliUsageException("give the mnemonic on standard input or with --from-file FILE, or run in a terminal to be asked");

        string words = Field(text, "mnemonic") ?? string.Empty;
        if (!Mnemonics.TryParse(words, out var sentence, out var entropy, out var error))
            return KeysCommand.Refuse(context, BadMnemonicCode, $"{error}; nothing was stored");

        var seed = Mnemonics.WalletKey(sentence, bip39Passphrase ?? string.Empty);
        try
        {
            return KeysCommand.Store(context, keystore, name, seed, entropy, "recovered", new JsonObject { ["derivationPath"] = KeyDerivation.Path });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(entropy);
        }
    }

    /// <summary>A secret's text from a file, or from standard input for <c>-</c>; at most <see cref="MaxSecretChars"/>.</summary>
    private static string ReadSecret(string fromFile)
    {
        // Standard input is the process's: read it, never close it.
        using TextReader? owned = fromFile == "-" ? null : new StreamReader(OpenFile(fromFile));
        TextReader reader = owned ?? Console.In;
        var buffer = new char[MaxSecretChars + 1];
        int read = reader.ReadBlock(buffer, 0, buffer.Length);
        try
        {
            return read > MaxSecretChars
                ? throw new CliUsageException($"{Describe(fromFile)} is longer than {MaxSecretChars} characters: not a key's secret")
                : new string(buffer, 0, read);
        }
        finally
        {
            Array.Clear(buffer);
        }
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliUsageException($"--from-file {Path.GetFullPath(path)} does not exist");
        }
    }

    private static string Describe(string fromFile) => fromFile == "-" ? "standard input" : Path.GetFullPath(fromFile);
}
