using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Simulation.Economy.Agents;

/// <summary>
/// The USDF issuer: in the first block it mints the USDF every agent starts with (as a fiat on-ramp would), and sends
/// the insiders, whose genesis FSH is all vesting, a little FSH for their fees.
/// </summary>
internal sealed class IssuerAgent : EconomyAgent
{
    private readonly List<(Address To, Amount Amount)> _grants = [];
    private readonly List<(Address To, Amount Amount)> _feeGrants = [];

    public IssuerAgent(ulong seed)
        : base("issuer", seed, 1)
    {
    }

    /// <summary>Adds USDF to mint for an account in the first block.</summary>
    public void Grant(KeyPair to, double usdf)
    {
        if (usdf > 0) _grants.Add((to.Address, TokenUnits.Tokens(usdf)));
    }

    /// <summary>Adds FSH to send an account in the first block for its fees (one whose genesis FSH is all vesting).</summary>
    public void FeeGrant(KeyPair to, double fsh) => _feeGrants.Add((to.Address, TokenUnits.Tokens(fsh)));

    public override void Act(EconomyWorld world)
    {
        if (world.Next != 1) return;
        foreach (var (to, amount) in _grants) world.Send(Key, new MintStablePayload(to, amount));
        foreach (var (to, amount) in _feeGrants) world.Send(Key, new TransferPayload(to, AssetId.Fsh, amount));
    }
}
