using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Core.Crypto;
using Fairshare.Node.Wallet;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare keys new|list</c>: the encrypted wallet in the data directory.</summary>
public static class KeysCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var command = new Command("keys", "Manage the wallet's Ed25519 keys (encrypted with argon2id + XChaCha20-Poly1305).");
        var name = new Argument<string>("name") { Description = "key name: lowercase letters, digits, '-' and '_' (at most 64)" };
        var create = new Command("new", $"Create a key. The passphrase comes from ${Passphrases.EnvironmentVariable} or is asked for.") { name };
        create.SetAction(parsed => CliApp.RunLocal(parsed, "keys", writesStore: false, context => New(context, parsed.GetValue(name)!)));
        var list = new Command("list", "List the keys: name and address.");
        list.SetAction(parsed => CliApp.RunLocal(parsed, "keys", writesStore: false, List));
        command.Add(create);
        command.Add(list);
        return command;
    }

    private static int New(CliContext context, string name)
    {
        var keystore = Wallet.Open(context);
        if (!Keystore.IsValidName(name))
            return context.Fail("InvalidName", $"'{name}' is not a key name: use 1 to 64 lowercase letters, digits, '-' or '_'");
        if (keystore.Load(name).IsOk) return context.Fail("AlreadyExists", $"a key named '{name}' already exists; choose another name");
        var passphrase = Passphrases.ForNewKey();
        var seed = RandomNumberGenerator.GetBytes(32);
        using var key = KeyPair.FromSeed(seed);
        var result = keystore.Create(name, seed, key.Address.ToString(), key.PublicKey.ToString(), passphrase);
        CryptographicOperations.ZeroMemory(seed);
        if (!result.IsOk) return context.Fail(result.Error.ToString(), result.Message ?? result.Error.ToString());
        if (context.Json)
            context.WriteJson(new JsonObject { ["name"] = name, ["address"] = key.Address.ToString(), ["publicKey"] = key.PublicKey.ToString() });
        else
            context.Console.MarkupLine($"[green]created[/] key [bold]{Markup.Escape(name)}[/] {key.Address}");
        return ExitCodes.Ok;
    }

    private static int List(CliContext context)
    {
        var keys = Wallet.Open(context).List();
        if (context.Json)
        {
            var array = new JsonArray();
            foreach (var key in keys) array.Add(new JsonObject { ["name"] = key.Name, ["address"] = key.Address, ["publicKey"] = key.PublicKey });
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
}
