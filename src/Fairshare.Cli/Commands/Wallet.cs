using System.Security.Cryptography;
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

    /// <summary>Unlocks a key (see <see cref="UnlockSeed"/>).</summary>
    public static KeyPair Unlock(CliContext context, string name)
    {
        var seed = UnlockSeed(context, name, out _);
        try
        {
            return KeyPair.FromSeed(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>
    /// Decrypts a key's 32-byte seed (the caller zeroes it) and gives the passphrase that opened it. A development key
    /// (its public key is <see cref="KeyPair.ForDevelopment"/> of its name: the seed is public) opens with the empty
    /// passphrase it was stored under, whatever $FAIRSHARE_PASSPHRASE says. Any other key opens with
    /// $FAIRSHARE_PASSPHRASE when set; else with the empty passphrase; else by asking at a terminal.
    /// </summary>
    public static byte[] UnlockSeed(CliContext context, string name, out string passphrase)
    {
        var keystore = Open(context);
        var loaded = keystore.Load(name);
        if (!loaded.IsOk) throw KeyError(keystore, name, loaded.Error, loaded.Message);

        // $FAIRSHARE_PASSPHRASE is a person's passphrase for their own keys; it was never a development key's.
        if (IsDevelopmentKey(loaded.Value))
        {
            var development = keystore.Unlock(name, string.Empty);
            if (development.IsOk)
            {
                passphrase = string.Empty;
                return development.Value;
            }
        }

        var fromEnvironment = Passphrases.FromEnvironment();
        passphrase = fromEnvironment ?? string.Empty;
        var result = keystore.Unlock(name, passphrase);
        if (!result.IsOk && result.Error == KeystoreError.WrongPassphrase && fromEnvironment is null && Passphrases.CanPrompt)
        {
            passphrase = Passphrases.Prompt($"Passphrase for '{name}':");
            result = keystore.Unlock(name, passphrase);
        }

        return result.IsOk ? result.Value : throw KeyError(keystore, name, result.Error, result.Message);
    }

    /// <summary>
    /// Whether a key file holds a development key: its public key is that of <see cref="KeyPair.ForDevelopment"/> of its
    /// name, a seed anyone can derive ('fairshare init' stores those under the empty passphrase).
    /// </summary>
    public static bool IsDevelopmentKey(KeystoreFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var development = KeyPair.ForDevelopment(file.Name);
        return string.Equals(development.PublicKey.ToString(), file.PublicKey, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The error for a key that cannot be used, as every command that names one reports it (exit 2).</summary>
    public static CliUsageException KeyError(Keystore keystore, string name, KeystoreError error, string? message)
    {
        ArgumentNullException.ThrowIfNull(keystore);
        return error switch
        {
            KeystoreError.NotFound => new CliUsageException($"no key named '{name}' in {keystore.DirectoryPath}{DidYouMean(keystore, name)}; see 'fairshare keys list'"),
            KeystoreError.WrongPassphrase => new CliUsageException($"wrong passphrase for '{name}': set {Passphrases.EnvironmentVariable} to its passphrase"),
            KeystoreError.InvalidName => new CliUsageException($"'{name}' is not a key name (lowercase letters, digits, '-' and '_')"),
            _ => new CliUsageException($"key '{name}' cannot be used: {message}"),
        };
    }

    /// <summary>The address of a named key, read from its file without unlocking it (the same errors as <see cref="Unlock"/> for a missing or bad key).</summary>
    public static Address AddressOf(CliContext context, string name)
    {
        var keystore = Open(context);
        var loaded = keystore.Load(name);
        return loaded.IsOk ? Address.Parse(loaded.Value!.Address) : throw KeyError(keystore, name, loaded.Error, loaded.Message);
    }

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

    /// <summary>" (did you mean 'alice'?)" when a key's name is within two edits of the unknown one, else nothing.</summary>
    private static string DidYouMean(Keystore keystore, string name)
    {
        var closest = Suggestions.Closest(name, keystore.List().Select(k => k.Name), maxDistance: 2);
        return closest is null ? string.Empty : $" (did you mean '{closest}'?)";
    }
}
