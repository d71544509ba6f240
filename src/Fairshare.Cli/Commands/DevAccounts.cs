namespace Fairshare.Cli.Commands;

/// <summary>
/// The well-known development keys of the example genesis. Their seeds are public (derived from their names),
/// so they are for local chains only; 'fairshare init' imports those the genesis uses, with an empty passphrase.
/// </summary>
public static class DevAccounts
{
    /// <summary>The names, in the order 'init' lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "validator-1", "usdf-issuer", "founder-1", "founder-2", "investor-1", "investor-2", "advisor-1",
        "airdrop", "providers", "alice", "bob",
    ];
}
