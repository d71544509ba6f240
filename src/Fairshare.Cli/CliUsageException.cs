namespace Fairshare.Cli;

/// <summary>A bad argument value found after parsing (an unknown key name, a malformed amount).</summary>
public sealed class CliUsageException(string message) : Exception(message);
