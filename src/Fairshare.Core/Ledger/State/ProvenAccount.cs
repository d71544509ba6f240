using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>
/// What an <see cref="AccountProof"/> shows once it checks out: the account at an address (null when the state holds
/// none) and the state's globals (assets, parameters, validators).
/// </summary>
/// <param name="Address">The address the proof is about.</param>
/// <param name="Account">The account, detached from any state; null when the address has no account.</param>
/// <param name="Globals">The assets, parameters and validator set of the same state.</param>
public sealed record ProvenAccount(Address Address, Account? Account, StateGlobals Globals)
{
    /// <summary>The next nonce the address must use (0 for an absent account).</summary>
    public ulong Nonce => Account?.Nonce ?? 0;

    /// <summary>A balance (zero for an absent account or asset).</summary>
    public Amount BalanceOf(AssetId asset) => Account?.BalanceOf(asset) ?? Amount.Zero;
}
