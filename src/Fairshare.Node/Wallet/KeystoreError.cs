namespace Fairshare.Node.Wallet;

/// <summary>
/// Why a keystore operation failed. The numbers are stable (scripts and exit codes may use them):
/// never renumber, only add.
/// </summary>
public enum KeystoreError
{
    /// <summary>The operation succeeded.</summary>
    None = 0,

    /// <summary>There is no key file with that name.</summary>
    NotFound = 1,

    /// <summary>A key file with that name already exists; it was left as it was.</summary>
    AlreadyExists = 2,

    /// <summary>The key name is not 1–64 characters of <c>a-z</c>, <c>0-9</c>, <c>_</c> or <c>-</c>.</summary>
    InvalidName = 3,

    /// <summary>
    /// The key file is damaged: bad JSON, a missing field, bad hex, a wrong length, an unknown kdf or cipher,
    /// parameters out of range, or a public key that does not belong to the stored seed.
    /// </summary>
    Malformed = 4,

    /// <summary>
    /// The passphrase does not open the key. Authenticated decryption cannot tell a wrong passphrase from a
    /// tampered ciphertext, salt, nonce, kdf parameters or address, so all of those report this.
    /// </summary>
    WrongPassphrase = 5,

    /// <summary>The key file has a format version this program does not know.</summary>
    UnsupportedVersion = 6,

    /// <summary>The key file is encrypted and no passphrase was given (a node key file; see <c>NodeKeyFile</c>).</summary>
    PassphraseRequired = 7,

    /// <summary>The key file is encrypted already, so it was not encrypted again; it was left as it was.</summary>
    AlreadyEncrypted = 8,
}
