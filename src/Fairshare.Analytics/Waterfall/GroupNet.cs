using System.Numerics;

namespace Fairshare.Analytics.Waterfall;

/// <summary>One group's flows over a range: received, sent, and the net change (received − sent), base units.</summary>
public sealed record GroupNet(string Group, BigInteger Received, BigInteger Sent)
{
    /// <summary>Received − sent.</summary>
    public BigInteger Net => Received - Sent;
}
