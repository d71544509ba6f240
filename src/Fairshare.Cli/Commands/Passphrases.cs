using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>Where passphrases come from: $FAIRSHARE_PASSPHRASE, else a hidden prompt when a person is at a terminal.</summary>
public static class Passphrases
{
    /// <summary>The environment variable read for passphrases.</summary>
    public const string EnvironmentVariable = "FAIRSHARE_PASSPHRASE";

    /// <summary>The passphrase from the environment, or null.</summary>
    public static string? FromEnvironment() => Environment.GetEnvironmentVariable(EnvironmentVariable);

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
}
