using System.Text.Json.Nodes;
using Fairshare.Simulation.Runs;

namespace Fairshare.Simulation.Economy;

/// <summary>
/// The economy model (<c>"model": "economy"</c>): agents (providers, clients, LPs and whales, founders and investors
/// with vesting, voters, arbitrageurs, a flash-loan attacker, a rug pull) acting through placeholder-signed
/// transactions on the real Core modules, block by block through the real block executor. Mechanisms (matching policy,
/// provider reward curve, voting rule, vesting) are genesis parameters the modules enforce. See
/// <c>docs/simulation.md</c> for the parameters and metrics.
/// </summary>
public sealed class EconomyModel : ISimulationModel
{
    /// <inheritdoc/>
    public string Name => "economy";

    /// <inheritdoc/>
    public void Validate(JsonObject parameters) => EconomyParameters.Parse(parameters);

    /// <inheritdoc/>
    public RunOutcome Run(JsonObject parameters, RunContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new EconomyRun(EconomyParameters.Parse(parameters), context).Run();
    }
}
