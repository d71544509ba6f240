using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>
/// Where passphrases come from: $FAIRSHARE_PASSPHRASE, else the file $FAIRSHARE_PASSPHRASE_FILE names, else a hidden
/// prompt when a person is at a terminal.
/// </summary>
public static class Passphrases
{
    /// <summary>The environment variable read for passphrases.</summary>
    public const string EnvironmentVariable = "FAIRSHARE_PASSPHRASE";

    /// <summary>
    /// The environment variable naming a file that holds the passphrase, read when <see cref="EnvironmentVariable"/> is
    /// not set: a service keeps the secret out of its environment (and its children's), e.g. a systemd credential,
    /// <c>LoadCredential=passphrase:/etc/fairshare/validator.passphrase</c> with <c>FAIRSHARE_PASSPHRASE_FILE=%d/passphrase</c>.
    /// One trailing line break (as <c>echo</c> writes) is not part of the passphrase.
    /// </summary>
    public const string FileEnvironmentVariable = "FAIRSHARE_PASSPHRASE_FILE";

    /// <summary>The passphrase from the environment (the variable, else the file it names), or null.</summary>
    public static string? FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { } passphrase) return passphrase;
        if (Environment.GetEnvironmentVariable(FileEnvironmentVariable) is not { Length: > 0 } path) return null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"${FileEnvironmentVariable} names {path}, which cannot be read: {e.Message}");
        }

        return text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;
    }

    /// <summary>True when a person can be asked.</summary>
    public static bool CanPrompt => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    /// <summary>Asks for a passphrase without echo.</summary>
    public static string Prompt(string question) =>
        AnsiConsole.Prompt(new TextPrompt<string>(question).Secret().AllowEmpty());

    /// <summary>A passphrase for a new key: from the environment, else asked twice at a terminal.</summary>
    public static string ForNewKey()
    {
        var fromEnvironment = FromEnvironment();
        if (fromEnvironment is not null) return fromEnvironment;
        if (!CanPrompt)
            throw new CliUsageException($"no passphrase: set {EnvironmentVariable} or run in a terminal to be asked");
        var first = Prompt("Passphrase for the new key:");
        var second = Prompt("Repeat the passphrase:");
        return first == second ? first : throw new CliUsageException("the two passphrases differ; nothing was written");
    }

    /// <summary>
    /// A passphrase to encrypt the node key with: as <see cref="ForNewKey"/>, but never empty (an empty one would protect
    /// nothing, and a validator's key is not a public development key).
    /// </summary>
    public static string ForNewNodeKey()
    {
        var passphrase = ForNewKey();
        return passphrase.Length > 0
            ? passphrase
            : throw new CliUsageException($"an empty passphrase would not protect the node key: set {EnvironmentVariable} to a passphrase (or type one); nothing was written");
    }

    /// <summary>
    /// The passphrase of an encrypted node key, asked for only when the key file is encrypted: $FAIRSHARE_PASSPHRASE,
    /// else a hidden prompt when a person is at a terminal, else none (the key then refuses to open).
    /// </summary>
    public static string? ForNodeKey() => FromEnvironment() ?? (CanPrompt ? Prompt("Passphrase for the node key:") : null);
}
