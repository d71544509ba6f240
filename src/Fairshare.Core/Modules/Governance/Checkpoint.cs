using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>A delegatee's votes from a block on (Compound's <c>Checkpoint</c>), until the next checkpoint.</summary>
/// <param name="FromBlock">The block from which the votes hold (changes within that block update it in place).</param>
/// <param name="Votes">The votes delegated to the account at the end of that block.</param>
public readonly record struct Checkpoint(ulong FromBlock, Amount Votes);
