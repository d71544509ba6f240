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

    /// <summary>The words of a chain id (between '-', '_' or '.') that mark a development chain.</summary>
    public static IReadOnlyList<string> DevelopmentWords { get; } = ["local", "dev", "devnet", "test", "testnet", "demo"];

    /// <summary>
    /// Whether a chain id names a development chain (<c>fairshare-local-1</c>, <c>fairshare-testnet</c>), the only
    /// kind whose validator may hold a development key: their seeds are public, so on any other chain anyone could sign
    /// as that validator.
    /// </summary>
    public static bool IsDevelopmentChain(string chainId) =>
        chainId.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Any(word => DevelopmentWords.Contains(word.ToLowerInvariant()));
}
