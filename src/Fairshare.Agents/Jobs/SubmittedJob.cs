using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Jobs;

/// <summary>A job the chain took: its id, the transaction and block, and the quote it was submitted on.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Transaction">The submission's transaction id.</param>
/// <param name="Height">The block that took it.</param>
/// <param name="Quote">The quote (prices, work, escrow) the job was submitted on.</param>
public sealed record SubmittedJob(ulong Id, Hash32 Transaction, ulong Height, JobQuote Quote);
