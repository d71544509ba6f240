using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>Ledger parameters that governance may change.</summary>
/// <param name="MinFee">The smallest fee a transaction may pay, in FSH base units.</param>
/// <param name="FeeValidatorBps">The proposer's share of each fee in basis points; the rest goes to the treasury.</param>
/// <param name="Treasury">The treasury account.</param>
public sealed record ChainParams(Amount MinFee, ushort FeeValidatorBps, Address Treasury)
{
}
