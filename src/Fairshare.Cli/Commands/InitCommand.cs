using System.CommandLine;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Fairshare.Cli.Output;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;
using Fairshare.Node.Chain;
using Fairshare.Node.Storage;
using Fairshare.Node.Wallet;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary><c>fairshare init</c>: creates a data directory with a genesis, a validator key and the dev wallet keys.</summary>
public static class InitCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var genesis = new Option<FileInfo?>("--genesis")
        {
            Description = "genesis JSON file (default: the UNI-like example genesis shipped with fairshare)",
        };
        var nodeKey = new Option<FileInfo?>("--node-key")
        {
            Description = "this node's validator key file, when the genesis lists validators that are not dev keys (an encrypted one opens with $FAIRSHARE_PASSPHRASE and stays encrypted)",
        };
        var force = new Option<bool>("--force") { Description = "replace an existing chain in the data directory (wallet keys are kept)" };
        var encryptKey = new Option<bool>("--encrypt-key")
        {
            Description = "encrypt this node's key with a passphrase ($FAIRSHARE_PASSPHRASE, else asked twice at a terminal; not empty), "
                + "as wallet keys are; 'node start' then needs it",
        };
        var command = new Command("init", """
            Create a chain in the data directory: copy the genesis, write this node's validator key, create the
            block store, and import the development keys the example genesis funds (alice, bob, founders, ...).
            A genesis with an empty "validators" list gets this node's new key as its only validator.
            """)
        {
            genesis, nodeKey, force, encryptKey,
        };
        command.SetAction(parsed => CliApp.RunLocal(parsed, "init", writesStore: true, context =>
            Run(context, parsed.GetValue(genesis), parsed.GetValue(nodeKey), parsed.GetValue(force), parsed.GetValue(encryptKey))));
        return command;
    }

    private static int Run(CliContext context, FileInfo? genesisFile, FileInfo? nodeKeyFile, bool force, bool encryptKey)
    {
        var data = context.Data;
        if (data.IsInitialized && !force)
            return context.Fail("already_initialized", $"{data.Root} already holds a chain; pass --force to replace it");

        string json = genesisFile is null ? ReadExampleGenesis() : ReadFile(genesisFile);
        string source = genesisFile?.FullName ?? "example genesis";
        var (parsedConfig, parseError) = GenesisParser.Parse(json);
        if (parseError is not null) return context.Fail(parseError.Code.ToString(), $"{source}: {parseError.Message}");

        // Asked before anything is written, so a refused passphrase leaves the directory as it was.
        string? passphrase = encryptKey ? Passphrases.ForNewNodeKey() : null;
        KeyPair key = ChooseNodeKey(parsedConfig!, nodeKeyFile, out string? givenPassphrase);
        // A --node-key file that was encrypted stays encrypted here, under the passphrase that opened it.
        if (passphrase is null && !string.IsNullOrEmpty(givenPassphrase)) passphrase = givenPassphrase;
        if (parsedConfig!.Validators.IsEmpty)
        {
            var node = JsonNode.Parse(json)!;
            node["validators"] = new JsonArray(key.PublicKey.ToString());
            json = node.ToJsonString(JsonOptions.Indented);
        }

        var config = LedgerNode.LoadGenesis(json, source);
        Directory.CreateDirectory(data.Root);
        if (force)
        {
            foreach (var path in new[] { data.GenesisPath, data.NodeKeyPath, data.DatabasePath, data.DatabasePath + "-wal", data.DatabasePath + "-shm" })
                File.Delete(path);
        }

        File.WriteAllText(data.GenesisPath, json);
        if (passphrase is null) NodeKeyFile.Write(data.NodeKeyPath, key);
        else NodeKeyFile.WriteEncrypted(data.NodeKeyPath, key, passphrase);
        using (new SqliteChainStore(data.DatabasePath))
        {
        }

        var imported = ImportDevKeys(context, config);
        var state = GenesisBuilder.Build(config).State!;
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["data"] = data.Root,
                ["chainId"] = config.ChainId,
                ["genesisHash"] = config.Hash().ToString(),
                ["stateRoot"] = state.Head.StateRoot.ToString(),
                ["validator"] = key.PublicKey.ToString(),
                ["nodeKeyEncrypted"] = passphrase is not null,
                ["importedKeys"] = new JsonArray([.. imported.Select(n => (JsonNode)n)]),
            });
        }
        else
        {
            context.Console.MarkupLine($"[green]initialized[/] chain [bold]{Markup.Escape(config.ChainId)}[/] in {Markup.Escape(data.Root)}");
            context.Console.MarkupLine($"   genesis hash [grey]{config.Hash()}[/]");
            context.Console.MarkupLine($"   state root   [grey]{state.Head.StateRoot}[/]");
            context.Console.MarkupLine($"   validator    [grey]{key.PublicKey}[/]{(passphrase is null ? string.Empty : " (key encrypted)")}");
            if (imported.Count > 0)
            {
                var table = new Table().AddColumns("dev key", "address", "cohort", "FSH");
                foreach (var name in imported)
                {
                    var address = Wallet.Resolve(context, name);
                    var account = state.Find(address);
                    table.AddRow(name, address.ToString(), account?.Cohort.ToString() ?? "-",
                        TxSubmission.Format(state, Core.Primitives.AssetId.Fsh, account?.BalanceOf(Core.Primitives.AssetId.Fsh) ?? default));
                }

                context.Console.Write(table);
                context.Console.MarkupLine("[grey]dev keys have public seeds and an empty passphrase: for local chains only[/]");
            }
        }

        key.Dispose();
        return ExitCodes.Ok;
    }

    private static KeyPair ChooseNodeKey(GenesisConfig config, FileInfo? nodeKeyFile, out string? givenPassphrase)
    {
        givenPassphrase = null;
        if (nodeKeyFile is not null)
        {
            string? asked = null;
            var given = NodeKeyFile.Unlock(nodeKeyFile.FullName, () => asked = Passphrases.ForNodeKey());
            givenPassphrase = asked;
            if (config.Validators.IsEmpty || config.Validators.Contains(given.PublicKey)) return given;
            given.Dispose();
            throw new CliUsageException($"{nodeKeyFile.FullName} is not one of the genesis validators");
        }

        if (config.Validators.IsEmpty) return KeyPair.FromSeed(RandomNumberGenerator.GetBytes(32));
        foreach (var name in DevAccounts.Names)
        {
            var dev = KeyPair.ForDevelopment(name);
            if (config.Validators.Contains(dev.PublicKey))
            {
                if (DevAccounts.IsDevelopmentChain(config.ChainId)) return dev;
                dev.Dispose();
                throw new CliUsageException($"the genesis of '{config.ChainId}' lists the development key '{name}' as a validator; its seed is public, "
                    + $"so anyone could sign as it: list your own validator keys and pass --node-key FILE (development keys serve only chains whose id says "
                    + $"{string.Join(", ", DevAccounts.DevelopmentWords)})");
            }

            dev.Dispose();
        }

        throw new CliUsageException("the genesis lists validators but none is this node's; pass --node-key FILE");
    }

    private static List<string> ImportDevKeys(CliContext context, GenesisConfig config)
    {
        // Their seeds are public: a costly key derivation would protect nothing and slow every signature.
        var keystore = new Keystore(context.Data.KeysPath, KeystoreKdfParams.PublicSeed);
        var funded = config.Allocations.Select(a => a.Address).ToHashSet();
        foreach (var asset in config.Assets)
        {
            if (asset.Issuer is { } issuer) funded.Add(issuer);
        }

        var imported = new List<string>();
        foreach (var name in DevAccounts.Names)
        {
            using var key = KeyPair.ForDevelopment(name);
            if (!funded.Contains(key.Address)) continue;
            if (keystore.Load(name).IsOk)
            {
                imported.Add(name);
                continue;
            }

            var seed = key.ExportSeed();
            var result = keystore.Create(name, seed, key.Address.ToString(), key.PublicKey.ToString(), string.Empty);
            CryptographicOperations.ZeroMemory(seed);
            if (result.IsOk) imported.Add(name);
        }

        return imported;
    }

    /// <summary>The example genesis shipped inside the executable.</summary>
    public static string ReadExampleGenesis()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("genesis/uni-like.json")
            ?? throw new InvalidOperationException("the example genesis is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ReadFile(FileInfo file) =>
        file.Exists ? File.ReadAllText(file.FullName) : throw new CliUsageException($"genesis file {file.FullName} does not exist");
}
