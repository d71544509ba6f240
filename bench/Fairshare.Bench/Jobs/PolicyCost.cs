using Fairshare.Agents;
namespace Fairshare.Bench.Jobs;

/// <summary>What a verification policy costs: executions per client job and what the client paid over one execution's price.</summary>
/// <param name="Policy">The policy and its settings.</param>
/// <param name="Jobs">Client jobs settled.</param>
/// <param name="ExecutionsPerJob">Runs of the model per client job (replicas, checkers, arbiters, canaries).</param>
/// <param name="PaidPerJob">What the client paid per job, as a multiple of one execution's price (fees included).</param>
/// <param name="Expected">The multiplier the policy's parameters predict.</param>
public sealed record PolicyCost(string Policy, int Jobs, double ExecutionsPerJob, double PaidPerJob, double Expected);
