using System.Numerics;
using System.Security.Cryptography;

namespace Fairshare.Architecture.Tests.Samples.Clean;

// Integer math, BigInteger and SHA-256: allowed in Core.
internal static class IntegerOnly
{
    public static BigInteger Square(BigInteger x) => x * x;

    public static ulong Mix(ulong a, ulong b) => (a ^ b) * 31 + BitOperations.RotateLeft(a, 7);

    public static byte[] Digest(byte[] data) => SHA256.HashData(data);
}
