using Fairshare.Compute.Tensors;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Jobs;

/// <summary>
/// A settled job's verified outputs: the accepted output blob, fetched from the network, re-hashed against the hash the
/// chain accepted, and decoded; its items line up with the inputs' and its tensors are the model's outputs.
/// </summary>
/// <param name="Job">The settled job.</param>
/// <param name="OutputHash">The accepted output's content address.</param>
/// <param name="Outputs">The outputs, in the inputs' layout.</param>
public sealed record JobResult(Job Job, Hash32 OutputHash, JobTensors Outputs)
{
    /// <summary>The providers whose revealed output is the accepted one.</summary>
    public IEnumerable<Address> ComputedBy => Job.Slots.Where(s => s.Status == SlotStatus.Revealed && s.OutputHash == OutputHash).Select(s => s.Provider);
}
