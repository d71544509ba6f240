using Fairshare.Core.Primitives;

namespace Fairshare.Core.Genesis;

/// <summary>
/// A module parameter set at genesis, by its governance name (<c>market.matching-policy</c>): the chain starts with it
/// instead of the module's default. It passes the same range check as a proposal's action.
/// </summary>
/// <param name="Name">The name in the governance table (<c>fairshare gov params</c>).</param>
/// <param name="Value">The value in the parameter's base units.</param>
public sealed record GenesisParameter(string Name, Amount Value);
