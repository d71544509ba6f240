using System.Security.Cryptography;
using Fairshare.Core.Crypto;

namespace Fairshare.Core.Tests.Crypto;

/// <summary>Keys and signatures against RFC 8032's first Ed25519 test vector and the documented dev-key derivation.</summary>
public sealed class Ed25519KeyTests
{
    // RFC 8032 §7.1, TEST 1 (empty message).
    private const string Seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string Public = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private const string Signature = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    [Fact]
    public void FromSeed_GivesRfc8032sPublicKeyAndSignature_AndExportsItsSeed()
    {
        using var key = KeyPair.FromSeed(Convert.FromHexString(Seed));

        Assert.Equal(Public, key.PublicKey.ToString());
        Assert.Equal(Signature, Convert.ToHexStringLower(key.Sign([])));
        Assert.Equal(Seed, Convert.ToHexStringLower(key.ExportSeed()));
    }

    [Fact]
    public void Verify_AcceptsTheVector_AndRefusesAnyChange()
    {
        Assert.True(PublicKey.TryParse(Public, out var key));
        byte[] signature = Convert.FromHexString(Signature);

        Assert.True(Ed25519.Verify(key!, [], signature));
        Assert.False(Ed25519.Verify(key!, [0], signature));
        Assert.False(Ed25519.Verify(key!, [], signature.AsSpan(0, 63)));
        Assert.False(Ed25519.Verify(key!, [], [.. signature, 0]));
        signature[0] ^= 1;
        Assert.False(Ed25519.Verify(key!, [], signature));
    }

    [Fact]
    public void ADevelopmentKey_IsTheSeedSha256OfItsName()
    {
        using var dev = KeyPair.ForDevelopment("alice");
        using var expected = KeyPair.FromSeed(SHA256.HashData("fairshare-dev:alice"u8));

        Assert.Equal(expected.PublicKey, dev.PublicKey);
        Assert.NotEqual(KeyPair.ForDevelopment("bob").PublicKey, dev.PublicKey);
    }

    [Fact]
    public void SeedsAndKeysOfTheWrongSize_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => KeyPair.FromSeed(new byte[31]));
        Assert.Throws<ArgumentException>(() => new PublicKey(new byte[33]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511")] // 63 digits
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a00")] // 66 digits
    [InlineData("z75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")] // not hex
    public void TryParse_RefusesWhatIsNotSixtyFourHexDigits(string? text)
    {
        Assert.False(PublicKey.TryParse(text, out var key));
        Assert.Null(key);
    }

    [Fact]
    public void TryParse_ReadsSixtyFourHexDigits_InEitherCase()
    {
        Assert.True(PublicKey.TryParse(Public.ToUpperInvariant(), out var key));
        Assert.Equal(Public, key!.ToString());
    }
}
