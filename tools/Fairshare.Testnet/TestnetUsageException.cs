namespace Fairshare.Testnet;

/// <summary>
/// A testnet asked for with options out of range, or in a folder that cannot hold it (none there, or one already):
/// what the person must change, in one sentence. The CLI reports it as a usage error (exit code 2).
/// </summary>
public sealed class TestnetUsageException(string message) : Exception(message);
