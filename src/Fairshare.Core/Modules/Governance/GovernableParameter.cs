using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>One entry of the governance dispatch table: a module parameter governance may set, its range and access.</summary>
/// <param name="Module">The module byte (<see cref="GovernableParameters.LedgerModule"/> for the ledger).</param>
/// <param name="Id">The parameter's stable id inside the module.</param>
/// <param name="Name">The name the CLI uses, <c>module.parameter</c>.</param>
/// <param name="Min">The smallest value accepted (inclusive).</param>
/// <param name="Max">The largest value accepted (inclusive).</param>
/// <param name="Decimals">18 for an FSH amount, 0 for a plain number (how the CLI reads and shows it).</param>
/// <param name="Read">Reads the value in force.</param>
/// <param name="Write">Sets a value already checked against the range (journaled).</param>
public sealed record GovernableParameter(
    byte Module, byte Id, string Name, Amount Min, Amount Max, byte Decimals,
    Func<LedgerState, Amount> Read, Action<LedgerState, Amount> Write)
{
    /// <summary>Whether <paramref name="value"/> is within the range.</summary>
    public bool Accepts(in Amount value) => value >= Min && value <= Max;
}
