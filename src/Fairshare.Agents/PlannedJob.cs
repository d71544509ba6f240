using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents;

/// <summary>
/// A job a client agent will submit: its spec (the seal is filled in by the agent) at a height, and for a known-answer
/// (canary) job the output hash the client expects, which it seals at submission and reveals after the providers do.
/// </summary>
/// <param name="SubmitAtHeight">Submit once the chain has reached this height.</param>
/// <param name="Spec">The job (its <see cref="JobSpec.Seal"/> is replaced).</param>
/// <param name="ExpectedOutput">For a canary: the output's content address the client knows; else null.</param>
public sealed record PlannedJob(ulong SubmitAtHeight, JobSpec Spec, Hash32? ExpectedOutput = null);
