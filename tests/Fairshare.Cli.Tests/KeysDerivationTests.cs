using Fairshare.Cli.Commands;
using Fairshare.Core.Crypto;

namespace Fairshare.Cli.Tests;

/// <summary>
/// The derivation of a wallet key from a mnemonic against the published vectors, never against this code's own output:
/// BIP-39's (Trezor's python-mnemonic vectors.json, passphrase "TREZOR") and SLIP-0010's for ed25519
/// (satoshilabs/slips, slip-0010.md, test vectors 1 and 2; each public key there is 0x00 followed by the Ed25519 key).
/// </summary>
public sealed class KeysDerivationTests
{
    /// <summary>Entropy, mnemonic and seed (passphrase "TREZOR") from vectors.json, English: 12, 18 and 24 words.</summary>
    public static TheoryData<string, string, string> Bip39Vectors => new()
    {
        {
            "00000000000000000000000000000000",
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
            "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04"
        },
        {
            "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
            "legal winner thank year wave sausage worth useful legal winner thank yellow",
            "2e8905819b8723fe2c1d161860e5ee1830318dbf49a83bd451cfb8440c28bd6fa457fe1296106559a3c80937a1c1069be3a3a5bd381ee6260e8d9739fce1f607"
        },
        {
            "000000000000000000000000000000000000000000000000",
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon agent",
            "035895f2f481b1b0f01fcf8c289c794660b289981a78f8106447707fdd9666ca06da5a9a565181599b79f53b844d8a71dd9f439c52a3d7b3e8a79c906ac845fa"
        },
        {
            "0000000000000000000000000000000000000000000000000000000000000000",
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art",
            "bda85446c68413707090a52022edd26a1c9462295029f2e60cd7c4f2bbd3097170af7a4d73245cafa9c3cca8d561a7c3de6f5d4a10be8ed2a5e608d68f92fcc8"
        },
        {
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote",
            "dd48c104698c30cfe2b6142103248622fb7bb0ff692eebb00089b32d22484e1613912f0a5b694407be899ffd31ed3992c456cdf60f5d4564b8ba3f05a69890ad"
        },
        {
            "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c",
            "hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length",
            "64c87cde7e12ecf6704ab95bb1408bef047c22db4cc7491c4271d170a1b213d20b385bc1588d9c7b38f1b39d415665b8a9030c9ec653d75e65f847d8fc1fc440"
        },
    };

    /// <summary>
    /// SLIP-0010 ed25519 test vector 1 (seed 000102030405060708090a0b0c0d0e0f) and 2: the hardened path (indices below
    /// 2^31, each hardened), chain code, private key and public key (with its 00 prefix).
    /// </summary>
    public static TheoryData<string, uint[], string, string, string> Slip10Vectors => new()
    {
        {
            "000102030405060708090a0b0c0d0e0f", [],
            "90046a93de5380a72b5e45010748567d5ea02bbf6522f979e05c0d8d8ca9fffb",
            "2b4be7f19ee27bbf30c667b642d5f4aa69fd169872f8fc3059c08ebae2eb19e7",
            "00a4b2856bfec510abab89753fac1ac0e1112364e7d250545963f135f2a33188ed"
        },
        {
            "000102030405060708090a0b0c0d0e0f", [0],
            "8b59aa11380b624e81507a27fedda59fea6d0b779a778918a2fd3590e16e9c69",
            "68e0fe46dfb67e368c75379acec591dad19df3cde26e63b93a8e704f1dade7a3",
            "008c8a13df77a28f3445213a0f432fde644acaa215fc72dcdf300d5efaa85d350c"
        },
        {
            "000102030405060708090a0b0c0d0e0f", [0, 1],
            "a320425f77d1b5c2505a6b1b27382b37368ee640e3557c315416801243552f14",
            "b1d0bad404bf35da785a64ca1ac54b2617211d2777696fbffaf208f746ae84f2",
            "001932a5270f335bed617d5b935c80aedb1a35bd9fc1e31acafd5372c30f5c1187"
        },
        {
            "000102030405060708090a0b0c0d0e0f", [0, 1, 2],
            "2e69929e00b5ab250f49c3fb1c12f252de4fed2c1db88387094a0f8c4c9ccd6c",
            "92a5b23c0b8a99e37d07df3fb9966917f5d06e02ddbd909c7e184371463e9fc9",
            "00ae98736566d30ed0e9d2f4486a64bc95740d89c7db33f52121f8ea8f76ff0fc1"
        },
        {
            "000102030405060708090a0b0c0d0e0f", [0, 1, 2, 2],
            "8f6d87f93d750e0efccda017d662a1b31a266e4a6f5993b15f5c1f07f74dd5cc",
            "30d1dc7e5fc04c31219ab25a27ae00b50f6fd66622f6e9c913253d6511d1e662",
            "008abae2d66361c879b900d204ad2cc4984fa2aa344dd7ddc46007329ac76c429c"
        },
        {
            "000102030405060708090a0b0c0d0e0f", [0, 1, 2, 2, 1000000000],
            "68789923a0cac2cd5a29172a475fe9e0fb14cd6adb5ad98a3fa70333e7afa230",
            "8f94d394a8e8fd6b1bc2f3f49f5c47e385281d5c17e65324b0f62483e37e8793",
            "003c24da049451555d51a7014a37337aa4e12d41e485abccfa46b47dfb2af54b7a"
        },
        {
            "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542", [],
            "ef70a74db9c3a5af931b5fe73ed8e1a53464133654fd55e7a66f8570b8e33c3b",
            "171cb88b1b3c1db25add599712e36245d75bc65a1a5c9e18d76f9f2b1eab4012",
            "008fe9693f8fa62a4305a140b9764c5ee01e455963744fe18204b4fb948249308a"
        },
        {
            "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542", [0, 2147483647],
            "138f0b2551bcafeca6ff2aa88ba8ed0ed8de070841f0c4ef0165df8181eaad7f",
            "ea4f5bfe8694d8bb74b7b59404632fd5968b774ed545e810de9c32a4fb4192f4",
            "005ba3b9ac6e90e83effcd25ac4e58a1365a9e35a3d3ae5eb07b9e4d90bcf7506d"
        },
        {
            "fffcf9f6f3f0edeae7e4e1dedbd8d5d2cfccc9c6c3c0bdbab7b4b1aeaba8a5a29f9c999693908d8a8784817e7b7875726f6c696663605d5a5754514e4b484542", [0, 2147483647, 1, 2147483646, 2],
            "5d70af781f3a37b829f0d060924d5e960bdc02e85423494afc0b1a41bbe196d4",
            "551d333177df541ad876a60ea71f00447931c0a9da16f227c11ea080d7391b8d",
            "0047150c75db263559a70d5778bf36abbab30fb061ad69f69ece61a72b0cfa4fc0"
        },
    };

    [Theory]
    [MemberData(nameof(Bip39Vectors))]
    public void Bip39_TrezorVectors_GiveThePublishedSeedAndEntropy(string entropyHex, string mnemonic, string seedHex)
    {
        Assert.Equal(seedHex, Convert.ToHexStringLower(Mnemonics.Seed(mnemonic, "TREZOR")));
        Assert.True(Mnemonics.TryParse(mnemonic, out var sentence, out var entropy, out var error), error);
        Assert.Equal(mnemonic, sentence);
        Assert.Equal(entropyHex, Convert.ToHexStringLower(entropy));
        Assert.Equal(mnemonic, Mnemonics.FromEntropy(Convert.FromHexString(entropyHex)));
    }

    [Fact]
    public void Bip39_ReadsWordsAsPeopleTypeThem()
    {
        Assert.True(Mnemonics.TryParse("  Abandon abandon\tabandon abandon\nabandon abandon abandon abandon abandon abandon abandon ABOUT \n", out var sentence, out _, out var error), error);
        Assert.Equal("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", sentence);
    }

    [Theory]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon", "checksum")]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abouts", "word 12 'abouts'")]
    [InlineData("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "this has 11")]
    [InlineData("", "this has 0")]
    public void Bip39_RefusesWhatIsNotAMnemonic_SayingWhy(string text, string why)
    {
        Assert.False(Mnemonics.TryParse(text, out _, out _, out var error));
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Slip10Vectors))]
    public void Slip10_Ed25519Vectors_GiveThePublishedKeys(string seedHex, uint[] path, string chainCodeHex, string privateHex, string publicHex)
    {
        var (key, chainCode) = KeyDerivation.Derive(Convert.FromHexString(seedHex), path);
        Assert.Equal(privateHex, Convert.ToHexStringLower(key));
        Assert.Equal(chainCodeHex, Convert.ToHexStringLower(chainCode));
        using var pair = KeyPair.FromSeed(key);
        Assert.Equal(publicHex, "00" + pair.PublicKey);
    }

    [Fact]
    public void Slip10_RefusesAnIndexThatIsHardenedAlready()
    {
        var seed = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyDerivation.Derive(seed, [0x8000_0000]));
    }

    [Fact]
    public void TheWalletPath_IsTheDocumentedOne_EveryLevelHardened()
    {
        Assert.Equal("m/44'/7337'/0'/0'/0'", KeyDerivation.Path);
        Assert.Equal(KeyDerivation.Path, "m/" + string.Join('/', KeyDerivation.PathIndices.Select(i => i + "'")));
    }
}
