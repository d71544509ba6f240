using System.Collections.Immutable;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Client;

/// <summary>
/// One account read light (<see cref="FairshareClient.GetVerifiedAccountAsync"/>) and checked: its proof leads to the
/// state root of <see cref="Header"/>, whose proposer is a validator of the proven state (and of the caller's trusted set,
/// when given) and signed it. At height 0 there is no block to check against and <see cref="Header"/> is null, as
/// <see cref="VerifiedState.Block"/> is.
/// </summary>
/// <param name="Address">The address read.</param>
/// <param name="Account">The account, detached from any state; null when the address has none.</param>
/// <param name="Height">The committed height the proof is at.</param>
/// <param name="ChainId">The chain's id (the header's).</param>
/// <param name="Header">The signed header checked against, or null at height 0.</param>
/// <param name="Globals">The proven assets, parameters and validators.</param>
/// <param name="ResponseBytes">How many bytes the node's answer held.</param>
public sealed record VerifiedAccount(Address Address, Account? Account, ulong Height, string ChainId, BlockHeader? Header, StateGlobals Globals, int ResponseBytes)
{
    /// <summary>The next nonce the address must use (0 for an absent account).</summary>
    public ulong Nonce => Account?.Nonce ?? 0;

    /// <summary>The registered assets, by id: symbols and decimals to show balances in tokens.</summary>
    public ImmutableArray<AssetInfo> Assets => Globals.Assets;

    /// <summary>A balance in base units (zero for an absent account or asset).</summary>
    public Amount BalanceOf(AssetId asset) => Account?.BalanceOf(asset) ?? Amount.Zero;
}
