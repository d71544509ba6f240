using System.Collections.Immutable;

namespace Fairshare.Testnet;

/// <summary>One process of a local testnet, as planned.</summary>
/// <param name="Role">validator, provider or client.</param>
/// <param name="Name">Its name (its development key's name: validator-1, provider-2, ...).</param>
/// <param name="ApiUrl">A validator's API base URL; for a provider or client, the node it talks to.</param>
/// <param name="RaftEndpoint">A validator's Raft endpoint (host:port); null for others.</param>
/// <param name="Directory">Its data directory.</param>
/// <param name="Arguments">The CLI arguments that start it (without the launcher's prefix).</param>
/// <param name="LogPath">Where its stdout and stderr go.</param>
public sealed record TestnetMember(string Role, string Name, string ApiUrl, string? RaftEndpoint, string Directory, ImmutableArray<string> Arguments, string LogPath)
{
    /// <summary>The validator role.</summary>
    public const string Validator = "validator";

    /// <summary>The provider role.</summary>
    public const string Provider = "provider";

    /// <summary>The client role.</summary>
    public const string Client = "client";
}
