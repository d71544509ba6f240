using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Node.Wallet;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare keys export NAME [--yes] [--out FILE]</c>: a key's secret in a portable form, the 32-byte Ed25519 seed
/// in hex (RFC 8032's private key) and, for a key made from a mnemonic, its BIP-39 words. Written as <c>label: value</c>
/// lines (or, with <c>--json</c>, one document) that <c>keys import --from-file</c> and <c>keys recover --from-file</c>
/// read back.
/// </summary>
public static class KeysExport
{
    /// <summary>The code of <c>--out</c> naming a file that exists (it is never replaced).</summary>
    public const string FileExistsCode = "file_exists";

    /// <summary>Builds the <c>export</c> verb.</summary>
    public static Command Create()
    {
        var name = KeysCommand.NameArgument();
        var output = new Option<string?>("--out")
        {
            Description = "write the secret to this new file, created with mode 0600 (an existing file is never replaced), instead of printing it",
        };
        var export = new Command("export", $"""
            Print a key's secret: the seed as 64 hex digits and, for a key made from a mnemonic, its BIP-39 words (path
            {KeyDerivation.Path}). Whoever reads it can sign as the key. Asks first at a terminal; elsewhere needs --yes.
            The passphrase comes from ${Passphrases.EnvironmentVariable}, else is asked at a terminal.
            'fairshare keys import NAME --from-file FILE' reads the output back.
            """) { name, output };
        export.SetAction(parsed => CliApp.RunLocal(parsed, "keys", writesStore: false,
            context => Export(context, parsed.GetValue(name)!, parsed.GetValue(CliApp.YesOption), parsed.GetValue(output))));
        return export;
    }

    private static int Export(CliContext context, string name, bool yes, string? output)
    {
        var keystore = Wallet.Open(context);
        var loaded = keystore.Load(name);
        if (!loaded.IsOk) throw Wallet.KeyError(keystore, name, loaded.Error, loaded.Message);
        var file = loaded.Value;
        string where = output is null ? "print" : "write";
        string question = $"{char.ToUpperInvariant(where[0])}{where[1..]} the secret key of '{Markup.Escape(name)}'? Whoever reads it can sign as {file.Address}.";
        if (KeysCommand.Confirm(context, yes, question, $"exporting the secret key of '{name}'") is int refused) return refused;

        string? path = output is null ? null : Path.GetFullPath(output);
        if (path is not null && File.Exists(path))
            return context.Fail(FileExistsCode, $"{path} exists; export writes a new file only, nothing was written");

        var seed = Wallet.UnlockSeed(context, name, out var passphrase);
        var entropy = Array.Empty<byte>();
        try
        {
            if (file.HasMnemonic)
            {
                var mnemonic = keystore.UnlockMnemonic(name, passphrase);
                if (!mnemonic.IsOk) throw Wallet.KeyError(keystore, name, mnemonic.Error, mnemonic.Message);
                entropy = mnemonic.Value;
            }

            var secret = Secret(file, seed, entropy);
            byte[] bytes = Encoding.UTF8.GetBytes(context.Json ? secret.ToJsonString(JsonOptions.Indented) + "\n" : Text(secret));
            try
            {
                if (path is null)
                {
                    using var stdout = Console.OpenStandardOutput();
                    stdout.Write(bytes);
                    return ExitCodes.Ok;
                }

                if (!PrivateFile.TryWriteNew(path, bytes))
                    return context.Fail(FileExistsCode, $"{path} exists; export writes a new file only, nothing was written");
            }
            finally
            {
                CryptographicOperations.ZeroMemory(bytes);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(entropy);
        }

        if (context.Json)
            context.WriteJson(new JsonObject { ["name"] = name, ["address"] = file.Address, ["publicKey"] = file.PublicKey, ["out"] = path });
        else
            context.Console.MarkupLine($"[green]wrote[/] the secret key of [bold]{Markup.Escape(name)}[/] to {Markup.Escape(path)} (mode 0600)");
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The secret as a document: name, address, public key, seed (hex) and, for a key made from a mnemonic, the words, the
    /// derivation path and whether the words need a BIP-39 passphrase too (they do when the key was recovered with one).
    /// </summary>
    private static JsonObject Secret(KeystoreFile file, byte[] seed, byte[] entropy)
    {
        var secret = new JsonObject
        {
            ["name"] = file.Name,
            ["address"] = file.Address,
            ["publicKey"] = file.PublicKey,
            ["seed"] = Convert.ToHexStringLower(seed),
        };
        if (entropy.Length == 0) return secret;

        var sentence = Mnemonics.FromEntropy(entropy);
        var withoutPassphrase = Mnemonics.WalletKey(sentence, bip39Passphrase: string.Empty);
        bool needsPassphrase = !CryptographicOperations.FixedTimeEquals(withoutPassphrase, seed);
        CryptographicOperations.ZeroMemory(withoutPassphrase);
        secret["mnemonic"] = sentence;
        secret["derivationPath"] = KeyDerivation.Path;
        secret["bip39PassphraseNeeded"] = needsPassphrase;
        return secret;
    }

    /// <summary>The text form: a comment, then one <c>label: value</c> line per field.</summary>
    private static string Text(JsonObject secret)
    {
        var text = new StringBuilder();
        text.Append("# fairshare key '").Append(secret["name"]).Append("': its secret. Whoever reads this can sign as ")
            .Append(secret["address"]).Append("; keep it offline.\n");
        text.Append("name: ").Append(secret["name"]).Append('\n');
        text.Append("address: ").Append(secret["address"]).Append('\n');
        text.Append("public-key: ").Append(secret["publicKey"]).Append('\n');
        text.Append("seed: ").Append(secret["seed"]).Append('\n');
        if (secret["mnemonic"] is { } mnemonic)
        {
            text.Append("mnemonic: ").Append(mnemonic).Append('\n');
            text.Append("path: ").Append(secret["derivationPath"]).Append('\n');
            if (secret["bip39PassphraseNeeded"]!.GetValue<bool>())
                text.Append("# the words make this key only with the BIP-39 passphrase it was recovered with ('keys recover --bip39-passphrase').\n");
        }

        return text.ToString();
    }
}
