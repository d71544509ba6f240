using Fairshare.Cli.Output;
using Fairshare.Core.Crypto;
using Fairshare.Core.Primitives;
using Fairshare.Node.Wallet;

namespace Fairshare.Cli.Commands;

/// <summary>The CLI's view of the keystore: unlock a named key, resolve a name or address.</summary>
public static class Wallet
{
    /// <summary>The keystore of the data directory.</summary>
    public static Keystore Open(CliContext context) => new(context.Data.KeysPath);

    /// <summary>
    /// Unlocks a key: with $FAIRSHARE_PASSPHRASE when set (a development key, whose passphrase is empty, still opens);
    /// else with the empty passphrase (development keys); else by asking at a terminal.
    /// </summary>
    public static KeyPair Unlock(CliContext context, string name)
    {
        var keystore = Open(context);
        var fromEnvironment = Passphrases.FromEnvironment();
        var result = keystore.Unlock(name, fromEnvironment ?? string.Empty);
        // A development key has the empty passphrase: $FAIRSHARE_PASSPHRASE, set for a person's own keys, must not lock it.
        if (!result.IsOk && result.Error == KeystoreError.WrongPassphrase && !string.IsNullOrEmpty(fromEnvironment))
        {
            var development = keystore.Unlock(name, string.Empty);
            if (development.IsOk) result = development;
        }

        if (!result.IsOk && result.Error == KeystoreError.WrongPassphrase && fromEnvironment is null && Passphrases.CanPrompt)
            result = keystore.Unlock(name, Passphrases.Prompt($"Passphrase for '{name}':"));
        if (result.IsOk)
        {
            try
            {
                return KeyPair.FromSeed(result.Value!);
            }
            finally
            {
                Array.Clear(result.Value!);
            }
        }

        throw KeyError(keystore, name, result.Error, result.Message);
    }

    /// <summary>The address of a named key, read from its file without unlocking it (the same errors as <see cref="Unlock"/> for a missing or bad key).</summary>
    public static Address AddressOf(CliContext context, string name)
    {
        var keystore = Open(context);
        var loaded = keystore.Load(name);
        return loaded.IsOk ? Address.Parse(loaded.Value!.Address) : throw KeyError(keystore, name, loaded.Error, loaded.Message);
    }

    private static CliUsageException KeyError(Keystore keystore, string name, KeystoreError error, string? message) => error switch
    {
        KeystoreError.NotFound => new CliUsageException($"no key named '{name}' in {keystore.DirectoryPath}; see 'fairshare keys list'"),
        KeystoreError.WrongPassphrase => new CliUsageException($"wrong passphrase for '{name}': set {Passphrases.EnvironmentVariable} to its passphrase"),
        KeystoreError.InvalidName => new CliUsageException($"'{name}' is not a key name (lowercase letters, digits, '-' and '_')"),
        _ => new CliUsageException($"key '{name}' cannot be used: {message}"),
    };

    /// <summary>An address given as text (fs1…) or as the name of a key in the keystore.</summary>
    public static Address Resolve(CliContext context, string nameOrAddress)
    {
        if (nameOrAddress.StartsWith(Address.Prefix, StringComparison.Ordinal))
        {
            var error = Address.TryParse(nameOrAddress, out var address);
            return error == AddressParseError.None
                ? address
                : throw new CliUsageException($"'{nameOrAddress}' is not a valid address ({error})");
        }

        var loaded = Open(context).Load(nameOrAddress);
        if (!loaded.IsOk)
            throw new CliUsageException($"'{nameOrAddress}' is neither an address (fs1…) nor a key name; see 'fairshare keys list'");
        return Address.Parse(loaded.Value!.Address);
    }
}
