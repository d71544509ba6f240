using System.Text.Json.Nodes;
using Fairshare.Simulation.Economy;
using Fairshare.Simulation.Runs;

namespace Fairshare.Simulation.Tests.Economy;

/// <summary>Small economies for the tests: a few agents of each kind and a few hundred blocks.</summary>
internal static class EconomyRuns
{
    /// <summary>A small population; <paramref name="extra"/> overrides or adds parameters.</summary>
    public static JsonObject Small(object? extra = null)
    {
        var parameters = new JsonObject
        {
            ["providers"] = 8,
            ["clients"] = 4,
            ["small_lps"] = 2,
            ["whales"] = 1,
            ["founders"] = 2,
            ["investors"] = 2,
            ["voters"] = 6,
            ["arbitrageurs"] = 1,
            ["demand"] = 0.3,
            ["provider_emission"] = 10,
            ["emission_epoch_blocks"] = 50,
            ["exit_after_blocks"] = 0,
            ["proposal_every_blocks"] = 60,
            ["vesting_cliff_blocks"] = 100,
            ["vesting_duration_blocks"] = 1_000,
            ["claim_every_blocks"] = 50,
        };
        if (extra is not null)
        {
            foreach (var (key, value) in JsonSerializerNode(extra)) parameters[key] = value?.DeepClone();
        }

        return parameters;
    }

    /// <summary>One run of the model through its public seam.</summary>
    public static RunOutcome Outcome(JsonObject parameters, ulong seed = 7, int steps = 250) =>
        new EconomyModel().Run(parameters, new RunContext(1, seed, steps));

    /// <summary>One run kept open, to look at its ledger afterwards.</summary>
    public static EconomyRun Run(JsonObject parameters, ulong seed = 7, int steps = 250)
    {
        var run = new EconomyRun(EconomyParameters.Parse(parameters), new RunContext(1, seed, steps));
        run.Run();
        return run;
    }

    /// <summary>A metric by name.</summary>
    public static double Metric(this RunOutcome outcome, string name) => outcome.Metrics.Single(m => m.Name == name).Value;

    private static JsonObject JsonSerializerNode(object value) => value as JsonObject ?? System.Text.Json.JsonSerializer.SerializeToNode(value)!.AsObject();
}
