using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Cli.Chain;

/// <summary>
/// One account as a command reads it without the whole state (<see cref="ChainAccess.ReadAccount"/>): the account (null
/// when the address has none), the committed height it is at, the chain id, and the state's assets, parameters and
/// validators, which is what showing a balance or signing a transaction needs.
/// </summary>
/// <param name="Address">The address read.</param>
/// <param name="Account">The account; null when the address has none.</param>
/// <param name="Height">The committed height.</param>
/// <param name="ChainId">The chain's id, which transactions name.</param>
/// <param name="Globals">The assets (symbols, decimals), parameters (minimum fee) and validators.</param>
public sealed record ChainAccount(Address Address, Account? Account, ulong Height, string ChainId, StateGlobals Globals)
{
    /// <summary>The next nonce the address must sign with (0 for an absent account).</summary>
    public ulong Nonce => Account?.Nonce ?? 0;

    /// <summary>The account read from a state at hand.</summary>
    public static ChainAccount Of(LedgerState state, Address address)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new ChainAccount(address, state.Find(address), state.Head.Height, state.ChainId, StateGlobals.Of(state));
    }
}
