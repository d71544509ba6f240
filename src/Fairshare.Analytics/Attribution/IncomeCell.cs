using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Attribution;

/// <summary>Income of one group (or role) from one tag: base units and how many flows.</summary>
public sealed record IncomeCell(string Group, FlowTag Tag, BigInteger Amount, long Flows);
