using System.Collections.Immutable;

namespace Fairshare.Node.Cluster;

/// <summary>A submission's status and, when accepted, one outcome per transaction in the order sent.</summary>
public sealed record SubmitResult(SubmitStatus Status, ImmutableArray<SubmittedTransaction> Outcomes);
