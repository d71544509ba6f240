using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Amm;

/// <summary>A pool's price accumulators at a moment (whole seconds; zero means none yet), kept for TWAP reads.</summary>
public readonly record struct Observation(Amount Price0Cumulative, Amount Price1Cumulative, ulong Timestamp)
{
    /// <summary>Whether the observation was taken.</summary>
    public bool Exists => Timestamp != 0;

    /// <summary>Writes the fields.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteAmount(Price0Cumulative);
        writer.WriteAmount(Price1Cumulative);
        writer.WriteU64(Timestamp);
    }

    /// <summary>Reads the fields.</summary>
    public static Observation Read(ref CanonicalReader reader) => new(reader.ReadAmount(), reader.ReadAmount(), reader.ReadU64());
}
