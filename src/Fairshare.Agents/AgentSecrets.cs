using System.Buffers.Binary;
using Fairshare.Core.Crypto;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents;

/// <summary>
/// Values an agent must keep from others but can always derive again: commit salts and client seals are the SHA-256 of
/// an Ed25519 signature (deterministic, and unpredictable without the key) over a purpose and a job, so an agent that
/// restarts between commit and reveal still reveals the right salt. Behaviour draws use a plain seeded hash.
/// </summary>
public static class AgentSecrets
{
    /// <summary>The salt a provider commits with for (job, slot).</summary>
    public static Hash32 Salt(KeyPair key, ulong jobId, byte slot) => Derive(key, "fairshare/salt", jobId, slot);

    /// <summary>The salt of a client's seal for its n-th planned job.</summary>
    public static Hash32 SealSalt(KeyPair key, ulong plannedIndex) => Derive(key, "fairshare/seal", plannedIndex, 0);

    /// <summary>A reproducible draw in [0, 1e6) for a behaviour decision on (job, slot).</summary>
    public static uint DrawPpm(ulong seed, string purpose, ulong jobId, byte slot)
    {
        Span<byte> message = stackalloc byte[17 + 32];
        BinaryPrimitives.WriteUInt64LittleEndian(message, seed);
        BinaryPrimitives.WriteUInt64LittleEndian(message[8..], jobId);
        message[16] = slot;
        var tag = System.Text.Encoding.ASCII.GetBytes(purpose);
        tag.AsSpan(0, Math.Min(tag.Length, 32)).CopyTo(message[17..]);
        var hash = Hash32.Compute(message);
        return (uint)(BinaryPrimitives.ReadUInt64LittleEndian(hash.ToArray()) % 1_000_000);
    }

    private static Hash32 Derive(KeyPair key, string purpose, ulong a, byte b)
    {
        var message = new byte[purpose.Length + 9];
        System.Text.Encoding.ASCII.GetBytes(purpose, message);
        BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(purpose.Length), a);
        message[^1] = b;
        return Hash32.Compute(key.Sign(message));
    }
}
