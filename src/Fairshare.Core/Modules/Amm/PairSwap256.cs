using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Amm;

/// <summary>The outcome of a swap on the uint256 path: the inputs the pair saw and its new reserves.</summary>
public readonly record struct PairSwap256(Amount Amount0In, Amount Amount1In, Amount Reserve0, Amount Reserve1);
