using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Core.Crypto;
using Fairshare.Node.Wallet;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>fairshare keys new|list|export|import|recover|delete</c>: the encrypted wallet in the data directory. Export and
/// delete ask first (or take <c>--yes</c>); import and recover read their secret from a file or standard input so that
/// it need not stand on the command line.
/// </summary>
public static class KeysCommand
{
    /// <summary>The code of an export or delete that was not confirmed and could not ask (exit 2).</summary>
    public const string ConfirmationRequiredCode = "confirmation_required";

    /// <summary>The code of an export or delete that the person at the terminal declined (exit 1).</summary>
    public const string DeclinedCode = "declined";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("keys", """
            Manage the wallet's Ed25519 keys, each in keys/NAME.json under --data, encrypted with argon2id + XChaCha20-Poly1305
            under a passphrase ($FAIRSHARE_PASSPHRASE, else asked at a terminal). Keys made from a BIP-39 mnemonic are derived
            along the SLIP-0010 path m/44'/7337'/0'/0'/0'.
            """);
        command.Add(NewCommand());
        command.Add(ListCommand());
        command.Add(KeysExport.Create());
        command.Add(KeysImport.CreateImport());
        command.Add(KeysImport.CreateRecover());
        command.Add(DeleteCommand());
        return command;
    }

    /// <summary>The NAME argument of every verb.</summary>
    public static Argument<string> NameArgument() =>
        new("name") { Description = "key name: lowercase letters, digits, '-' and '_' (at most 64)" };

    /// <summary>
    /// Whether to go on with an export or a delete: yes with <c>--yes</c>; else the answer of the person at the terminal;
    /// else (no terminal) no, with the exit code of the refusal: 2, <see cref="ConfirmationRequiredCode"/>. A declined
    /// question is exit 1, <see cref="DeclinedCode"/>. Returns null to go on, else the exit code.
    /// </summary>
    public static int? Confirm(CliContext context, bool yes, string question, string what)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (yes) return null;
        if (!Passphrases.CanPrompt)
            return Refuse(context, ConfirmationRequiredCode, $"{what} needs a confirmation: pass --yes (there is no terminal to ask at); nothing was done");
        return context.Console.Confirm(question, defaultValue: false)
            ? null
            : context.Fail(DeclinedCode, "declined; nothing was done");
    }

    /// <summary>Reports an expected failure that is the command line's (a bad secret, a missing confirmation): exit 2.</summary>
    public static int Refuse(CliContext context, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Fail(code, message);
        return ExitCodes.Usage;
    }

    /// <summary>
    /// The checks before a new key is made (by new, import or recover): a valid name that no key has yet. Returns null
    /// to go on, else the exit code (1, as the keystore's <c>InvalidName</c> and <c>AlreadyExists</c>).
    /// </summary>
    public static int? CheckNewName(CliContext context, Keystore keystore, string name)
    {
        ArgumentNullException.ThrowIfNull(keystore);
        if (!Keystore.IsValidName(name))
            return Fail(context, KeystoreError.InvalidName, $"'{name}' is not a key name: use 1 to 64 lowercase letters, digits, '-' or '_'");
        if (keystore.Load(name).IsOk) return Fail(context, KeystoreError.AlreadyExists, $"a key named '{name}' already exists; choose another name (or 'fairshare keys delete {name}' first)");
        return null;
    }

    /// <summary>
    /// Encrypts a seed (and the BIP-39 entropy it was derived from, if any) under a new key's passphrase and stores it as
    /// <c>keys new</c> does; prints the name, address and public key (<paramref name="extra"/> adds to the JSON). Zeroes
    /// neither buffer.
    /// </summary>
    public static int Store(CliContext context, Keystore keystore, string name, byte[] seed, ReadOnlySpan<byte> mnemonicEntropy, string verb, JsonObject? extra = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(keystore);
        var passphrase = Passphrases.ForNewKey();
        using var key = KeyPair.FromSeed(seed);
        var result = keystore.Create(name, seed, key.Address.ToString(), key.PublicKey.ToString(), passphrase, mnemonicEntropy);
        if (!result.IsOk) return context.Fail(result.Error.ToString(), result.Message ?? result.Error.ToString());
        if (context.Json)
        {
            var document = new JsonObject { ["name"] = name, ["address"] = key.Address.ToString(), ["publicKey"] = key.PublicKey.ToString() };
            if (extra is not null)
            {
                foreach (var (field, value) in extra) document[field] = value?.DeepClone();
            }

            context.WriteJson(document);
        }
        else
        {
            context.Console.MarkupLine($"[green]{verb}[/] key [bold]{Markup.Escape(name)}[/] {key.Address}");
        }

        return ExitCodes.Ok;
    }

    private static int Fail(CliContext context, KeystoreError error, string message) => context.Fail(error.ToString(), message);

    private static Command NewCommand()
    {
        var name = NameArgument();
        var mnemonic = new Option<bool>("--mnemonic")
        {
            Description = $"derive the key from a new 24-word BIP-39 mnemonic (SLIP-0010, {KeyDerivation.Path}), printed once: write it down; "
                + "'fairshare keys recover' makes the same key from it",
        };
        var create = new Command("new", $"""
            Create a key from fresh randomness (or, with --mnemonic, from a new 24-word mnemonic printed once).
            The passphrase comes from ${Passphrases.EnvironmentVariable}, else is asked twice at a terminal.
            """) { name, mnemonic };
        create.SetAction(parsed => CliApp.RunLocal(parsed, "keys", writesStore: false, context => New(context, parsed.GetValue(name)!, parsed.GetValue(mnemonic))));
        return create;
    }

    private static int New(CliContext context, string name, bool withMnemonic)
    {
        var keystore = Wallet.Open(context);
        if (CheckNewName(context, keystore, name) is int refused) return refused;
        if (!withMnemonic)
        {
            var seed = RandomNumberGenerator.GetBytes(Keystore.SeedSize);
            try
            {
                return Store(context, keystore, name, seed, [], "created");
            }
            finally
            {
                CryptographicOperations.ZeroMemory(seed);
            }
        }

        var sentence = Mnemonics.Generate(out var entropy);
        var derived = Mnemonics.WalletKey(sentence, bip39Passphrase: string.Empty);
        try
        {
            var extra = new JsonObject { ["mnemonic"] = sentence, ["derivationPath"] = KeyDerivation.Path };
            int stored = Store(context, keystore, name, derived, entropy, "created", extra);
            if (stored != ExitCodes.Ok) return stored;
            string warning = $"write these {Mnemonics.NewWordCount} words down, in order, and keep them offline: they are the key "
                + $"('fairshare keys recover NAME' makes it again; path {KeyDerivation.Path}). They are not shown again.";
            if (context.Json)
            {
                context.Error.WriteLine($"note: {warning}");
                return ExitCodes.Ok;
            }

            context.Console.MarkupLine($"[yellow]{Markup.Escape(warning)}[/]");
            var words = sentence.Split(' ');
            for (int i = 0; i < words.Length; i++) Console.Out.WriteLine($"{i + 1,4}  {words[i]}");
            return ExitCodes.Ok;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
            CryptographicOperations.ZeroMemory(entropy);
        }
    }

    private static Command ListCommand()
    {
        var list = new Command("list", "List the keys: name and address (and, with --json, the public key and whether the key was made from a mnemonic).");
        list.SetAction(parsed => CliApp.RunLocal(parsed, "keys", writesStore: false, List));
        return list;
    }

    private static int List(CliContext context)
    {
        var keys = Wallet.Open(context).List();
        if (context.Json)
        {
            var array = new JsonArray();
            foreach (var key in keys)
                array.Add(new JsonObject { ["name"] = key.Name, ["address"] = key.Address, ["publicKey"] = key.PublicKey, ["fromMnemonic"] = key.HasMnemonic });
            context.WriteJson(array);
            return ExitCodes.Ok;
        }

        if (keys.Count == 0)
        {
            context.Console.MarkupLine("no keys yet: 'fairshare keys new NAME' creates one, 'fairshare init' imports the dev keys");
            return ExitCodes.Ok;
        }

        var table = new Table().AddColumns("name", "address");
        foreach (var key in keys) table.AddRow(Markup.Escape(key.Name), key.Address);
        context.Console.Write(table);
        return ExitCodes.Ok;
    }

    private static Command DeleteCommand()
    {
        var name = NameArgument();
        var delete = new Command("delete", """
            Delete a key's file. Asks first at a terminal; elsewhere needs --yes. Without an export or the key's mnemonic the
            key, and what its address holds, cannot be used again.
            """) { name };
        delete.SetAction(parsed => CliApp.RunLocal(parsed, "keys", writesStore: false, context => Delete(context, parsed.GetValue(name)!, parsed.GetValue(CliApp.YesOption))));
        return delete;
    }

    private static int Delete(CliContext context, string name, bool yes)
    {
        var keystore = Wallet.Open(context);
        var loaded = keystore.Load(name);
        if (!loaded.IsOk) throw Wallet.KeyError(keystore, name, loaded.Error, loaded.Message);
        var address = loaded.Value.Address;
        string question = $"Delete key '{Markup.Escape(name)}' ({address})? Without an export or its mnemonic it cannot be brought back.";
        if (Confirm(context, yes, question, $"deleting key '{name}'") is int refused) return refused;

        var deleted = keystore.Delete(name);
        if (!deleted.IsOk) throw Wallet.KeyError(keystore, name, deleted.Error, deleted.Message);
        if (context.Json)
            context.WriteJson(new JsonObject { ["name"] = name, ["address"] = address, ["deleted"] = true });
        else
            context.Console.MarkupLine($"[green]deleted[/] key [bold]{Markup.Escape(name)}[/] {address}");
        return ExitCodes.Ok;
    }
}
