using Fairshare.Core.Crypto;
using Fairshare.Core.Primitives;
using FsCheck.Xunit;

namespace Fairshare.Core.Tests.Primitives;

public sealed class AddressTests
{
    [Property(MaxTest = 200)]
    public bool Text_RoundTrips(byte[] seed)
    {
        var address = Address.FromPublicKey(seed);
        return Address.TryParse(address.ToString(), out var parsed) == AddressParseError.None && parsed == address;
    }

    [Fact]
    public void Address_IsTheHashOfThePublicKey()
    {
        using var key = KeyPair.ForDevelopment("alice");
        var digest = System.Security.Cryptography.SHA256.HashData(key.PublicKey.Bytes);
        Assert.Equal(digest[..20], key.Address.ToArray());
        Assert.Equal(Address.TextLength, key.Address.ToString().Length);
        Assert.StartsWith("fs1", key.Address.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsTyposAndBadShapes()
    {
        var text = KeyPair.ForDevelopment("bob").Address.ToString();
        char swapped = text[10] == 'a' ? 'b' : 'a';
        var typo = text[..10] + swapped + text[11..];
        Assert.Equal(AddressParseError.BadChecksum, Address.TryParse(typo, out _));
        Assert.Equal(AddressParseError.BadPrefix, Address.TryParse("xx" + text[2..], out _));
        Assert.Equal(AddressParseError.BadLength, Address.TryParse(text[..^1], out _));
        Assert.Equal(AddressParseError.BadHex, Address.TryParse(text[..^1] + "z", out _));
        Assert.Equal(AddressParseError.BadPrefix, Address.TryParse(null, out _));
    }

    [Fact]
    public void Hash32_ParsesItsOwnText_AndOrdersLikeItsBytes()
    {
        var a = Hash32.Compute([1]);
        var b = Hash32.Compute([2]);
        Assert.True(Hash32.TryParse(a.ToString(), out var parsed));
        Assert.Equal(a, parsed);
        Assert.False(Hash32.TryParse("zz", out _));
        int byBytes = a.ToArray().AsSpan().SequenceCompareTo(b.ToArray());
        Assert.Equal(Math.Sign(byBytes), Math.Sign(a.CompareTo(b)));
    }
}
