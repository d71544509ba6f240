using System.Numerics;
using System.Security.Cryptography;

namespace Fairshare.Architecture.Tests.Samples.Clean;

/// <summary>
/// What Core may do: integer math, BigInteger, BitOperations and SHA-256. The constants put the bytes of float opcodes
/// (0x22 ldc.r4, 0x23 ldc.r8, 0x6B conv.r4, 0x6C conv.r8, 0x76 conv.r.un) into instruction operands, and the switch and
/// the comparison add a jump table and a two-byte opcode, so a scanner that searched bytes instead of decoding IL would
/// report them.
/// </summary>
internal static class IntegerOnly
{
    public static BigInteger Square(BigInteger x) => x * x;

    public static int Scramble(int x) => x ^ 0x2322_6C6B;

    public static ulong Mix(ulong a, ulong b) => BitOperations.RotateLeft(a ^ b, 7) * 0x7623_2322_6C6C_6B6BUL;

    public static int Classify(int x) => x switch
    {
        0 => 0x22,
        1 => 0x23,
        2 => 0x6B,
        3 => 0x6C,
        4 => 0x76,
        _ => 0,
    };

    public static bool Same(long a, long b) => a == b;

    public static byte[] Digest(byte[] data) => SHA256.HashData(data);
}
