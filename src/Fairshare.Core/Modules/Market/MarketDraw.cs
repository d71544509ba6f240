using System.Buffers.Binary;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>
/// The market's protocol randomness: a draw in parts per million from the previous block's hash, the job id and a
/// purpose, so every validator draws the same and nobody picks the outcome when it commits.
/// </summary>
public static class MarketDraw
{
    /// <summary>The purpose of the spot-check draw.</summary>
    public const string SpotCheck = "spot";

    /// <summary>
    /// SHA-256(previous block hash ‖ job id as 8 bytes big-endian ‖ purpose in ASCII); its first 8 bytes read big-endian,
    /// modulo 1,000,000. A job is checked when the draw is below the check rate in ppm.
    /// </summary>
    public static uint Ppm(Hash32 previousBlockHash, ulong jobId, string purpose)
    {
        var bytes = new byte[Hash32.Size + 8 + purpose.Length];
        previousBlockHash.CopyTo(bytes);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(Hash32.Size), jobId);
        System.Text.Encoding.ASCII.GetBytes(purpose, bytes.AsSpan(Hash32.Size + 8));
        var digest = Hash32.Compute(bytes).ToArray();
        return (uint)(BinaryPrimitives.ReadUInt64BigEndian(digest) % Units.PpmDenominator);
    }
}
