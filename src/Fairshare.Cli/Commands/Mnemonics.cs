using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using NBitcoin;

namespace Fairshare.Cli.Commands;

/// <summary>
/// BIP-39 mnemonics in the English word list (NBitcoin): making one from fresh entropy, reading one back with its
/// checksum checked, and the wallet key it stands for (the BIP-39 seed, then <see cref="KeyDerivation"/>).
/// </summary>
public static class Mnemonics
{
    /// <summary>The words of a new mnemonic: 24, for 256 bits of entropy.</summary>
    public const int NewWordCount = 24;

    /// <summary>A new mnemonic from 32 bytes of the system's randomness; returns the words and the entropy (the caller zeroes it).</summary>
    public static string Generate(out byte[] entropy)
    {
        entropy = RandomNumberGenerator.GetBytes(NewWordCount * 32 / 3 / 8);
        return FromEntropy(entropy);
    }

    /// <summary>The English mnemonic of BIP-39 entropy (16 to 32 bytes, a multiple of 4).</summary>
    public static string FromEntropy(byte[] entropy) => new Mnemonic(Wordlist.English, entropy).ToString();

    /// <summary>
    /// Reads a mnemonic typed or pasted by a person: words in any case, separated by any white space. True with the words
    /// joined by single spaces (the form BIP-39's seed is computed from) and the entropy they encode; false with why not:
    /// a word count other than 12, 15, 18, 21 or 24, a word outside the English list, or a checksum that does not match.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out string? sentence, [NotNullWhen(true)] out byte[]? entropy, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        sentence = null;
        entropy = null;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToArray();
        if (words.Length is not (12 or 15 or 18 or 21 or 24))
        {
            error = $"a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words; this has {words.Length}";
            return false;
        }

        var unknown = words.Select((w, i) => (Word: w, Position: i + 1)).Where(w => !Wordlist.English.WordExists(w.Word, out _)).ToList();
        if (unknown.Count > 0)
        {
            error = $"not in the BIP-39 English word list: {string.Join(", ", unknown.Select(u => $"word {u.Position} '{u.Word}'"))}";
            return false;
        }

        var mnemonic = new Mnemonic(string.Join(' ', words), Wordlist.English);
        if (!mnemonic.IsValidChecksum)
        {
            error = "the words fail the BIP-39 checksum: a word is wrong or out of order";
            return false;
        }

        sentence = mnemonic.ToString();
        entropy = Entropy(mnemonic.Indices, words.Length);
        error = null;
        return true;
    }

    /// <summary>The 64-byte BIP-39 seed of a mnemonic (PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic" + passphrase).</summary>
    public static byte[] Seed(string sentence, string bip39Passphrase) =>
        new Mnemonic(sentence, Wordlist.English).DeriveSeed(bip39Passphrase);

    /// <summary>The 32-byte Ed25519 seed of the wallet key a mnemonic stands for (at <see cref="KeyDerivation.Path"/>).</summary>
    public static byte[] WalletKey(string sentence, string bip39Passphrase)
    {
        var seed = Seed(sentence, bip39Passphrase);
        try
        {
            return KeyDerivation.WalletKey(seed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>The entropy bits of the words' 11-bit indices: all of them less the checksum (one bit in 33).</summary>
    private static byte[] Entropy(int[] indices, int wordCount)
    {
        var entropy = new byte[wordCount * 11 * 32 / 33 / 8];
        for (int bit = 0; bit < entropy.Length * 8; bit++)
        {
            int index = indices[bit / 11];
            if ((index >> (10 - (bit % 11)) & 1) == 1) entropy[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        return entropy;
    }
}
