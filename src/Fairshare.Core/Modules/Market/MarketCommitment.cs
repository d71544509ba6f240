using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>The commit-reveal hashes of the market: a provider's commitment and a canary's seal.</summary>
public static class MarketCommitment
{
    /// <summary>SHA-256(output ‖ salt ‖ provider address bytes): binds the output to the provider, so nobody can copy a commitment.</summary>
    public static Hash32 Compute(Hash32 output, Hash32 salt, Address provider)
    {
        Span<byte> bytes = stackalloc byte[Hash32.Size * 2 + Address.Size];
        output.CopyTo(bytes);
        salt.CopyTo(bytes[Hash32.Size..]);
        provider.CopyTo(bytes[(Hash32.Size * 2)..]);
        return Hash32.Compute(bytes);
    }

    /// <summary>SHA-256(expected output ‖ salt): the seal a client puts on a known-answer job.</summary>
    public static Hash32 Seal(Hash32 expectedOutput, Hash32 salt)
    {
        Span<byte> bytes = stackalloc byte[Hash32.Size * 2];
        expectedOutput.CopyTo(bytes);
        salt.CopyTo(bytes[Hash32.Size..]);
        return Hash32.Compute(bytes);
    }
}
