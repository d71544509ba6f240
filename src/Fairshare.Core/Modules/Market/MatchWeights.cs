using Fairshare.Core.Encoding;

namespace Fairshare.Core.Modules.Market;

/// <summary>
/// A client's weights for the <see cref="MatchingPolicy.Weighted"/> policy: how much price, speed, reputation and
/// energy count. All zero means equal weights.
/// </summary>
/// <param name="Price">Weight of the price term (cheapest eligible price / this price).</param>
/// <param name="Speed">Weight of the speed term (this benchmark score / the best eligible score).</param>
/// <param name="Reputation">Weight of the reputation term (<see cref="ProviderStats.ReputationPpm"/>).</param>
/// <param name="Energy">Weight of the energy term (renewable share of the provider's power).</param>
public readonly record struct MatchWeights(ushort Price, ushort Speed, ushort Reputation, ushort Energy)
{
    /// <summary>Whether every weight is zero (the policy then weighs the four terms equally).</summary>
    public bool IsZero => Price == 0 && Speed == 0 && Reputation == 0 && Energy == 0;

    /// <summary>Writes the four weights.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteU16(Price);
        writer.WriteU16(Speed);
        writer.WriteU16(Reputation);
        writer.WriteU16(Energy);
    }

    /// <summary>Reads the four weights (check <see cref="CanonicalReader.Ok"/>).</summary>
    public static MatchWeights Read(ref CanonicalReader reader) =>
        new(reader.ReadU16(), reader.ReadU16(), reader.ReadU16(), reader.ReadU16());
}
