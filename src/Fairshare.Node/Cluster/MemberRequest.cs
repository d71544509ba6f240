using System.Globalization;
using System.Text;
using Fairshare.Core.Crypto;
using Fairshare.Core.Genesis;

namespace Fairshare.Node.Cluster;

/// <summary>
/// A request one validator sends another (a forwarded submission, a block signature, a blob fetch) proves who sent it:
/// the sender signs, with its validator key, the chain, the method, the path and the time; the receiver accepts it
/// only from a validator of the genesis, within <see cref="MaxSkew"/> of its own clock. A header anyone can set (the
/// bare <c>X-Fairshare-Forwarded-By</c>) proves nothing, so nothing that matters (the rate limit) may rest on it.
/// </summary>
public static class MemberRequest
{
    /// <summary>The header naming the sending validator (its public key, hex).</summary>
    public const string MemberHeader = "X-Fairshare-Member";

    /// <summary>The header with the time of signing (Unix milliseconds).</summary>
    public const string TimeHeader = "X-Fairshare-Member-Time";

    /// <summary>The header with the Ed25519 signature (hex) of <see cref="Message"/>.</summary>
    public const string SignatureHeader = "X-Fairshare-Member-Signature";

    /// <summary>How far the signing time may be from the receiver's clock, either way.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromSeconds(30);

    /// <summary>The signed bytes: a domain that no block header or transaction can begin with, then the request's parts.</summary>
    public static byte[] Message(string chainId, string method, string pathAndQuery, long unixMs) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"fairshare-member-request/v1\n{chainId}\n{method.ToUpperInvariant()}\n{pathAndQuery}\n{unixMs}"));

    /// <summary>The three headers' values for a request <paramref name="key"/> sends at <paramref name="now"/>.</summary>
    public static MemberCredentials Sign(KeyPair key, string chainId, string method, string pathAndQuery, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        long unixMs = now.ToUnixTimeMilliseconds();
        var signature = key.Sign(Message(chainId, method, pathAndQuery, unixMs));
        return new MemberCredentials(key.PublicKey.ToString(), unixMs.ToString(CultureInfo.InvariantCulture), Convert.ToHexStringLower(signature));
    }

    /// <summary>
    /// Whether the headers prove the request comes from a validator of <paramref name="genesis"/>: the key is one of
    /// its validators, the time is within <see cref="MaxSkew"/> of <paramref name="now"/>, and the signature verifies.
    /// </summary>
    public static bool IsFromValidator(GenesisConfig genesis, string method, string pathAndQuery, string? member, string? time, string? signature, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(genesis);
        if (!PublicKey.TryParse(member, out var key) || !genesis.Validators.Contains(key!)) return false;
        if (!long.TryParse(time, NumberStyles.None, CultureInfo.InvariantCulture, out long unixMs)) return false;
        if (Math.Abs(now.ToUnixTimeMilliseconds() - unixMs) > (long)MaxSkew.TotalMilliseconds) return false;
        if (signature is null || signature.Length != Ed25519.SignatureSize * 2) return false;
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return Ed25519.Verify(key!, Message(genesis.ChainId, method, pathAndQuery, unixMs), bytes);
    }
}
