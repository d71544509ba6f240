using System.Text.Json.Serialization;

namespace Fairshare.Node.Wallet;

/// <summary>Argon2id cost parameters, as stored in the <c>kdf_params</c> object of a key file.</summary>
public sealed record KeystoreKdfParams
{
    /// <summary>
    /// The parameters new key files get: 64 MiB, 3 passes, 1 lane (RFC 9106's second recommended option,
    /// with one lane because libsodium supports only one). About 90 ms on one core of a current x64 server.
    /// </summary>
    public static KeystoreKdfParams Default { get; } = new() { MemoryKib = 65_536, Iterations = 3, Parallelism = 1 };

    /// <summary>
    /// The parameters for keys whose seed is public anyway (the development keys, derived from their names) under the
    /// empty passphrase: the least Argon2id allows (8 KiB, 1 pass), since no cost can protect a seed anyone can derive.
    /// Signing with them is then as quick as the signature itself.
    /// </summary>
    public static KeystoreKdfParams PublicSeed { get; } = new() { MemoryKib = 8, Iterations = 1, Parallelism = 1 };

    /// <summary>Memory in KiB (Argon2 <c>m</c>).</summary>
    [JsonPropertyName("memory_kib")]
    public required int MemoryKib { get; init; }

    /// <summary>Number of passes over memory (Argon2 <c>t</c>).</summary>
    [JsonPropertyName("iterations")]
    public required int Iterations { get; init; }

    /// <summary>Number of lanes (Argon2 <c>p</c>); always 1, the only value libsodium supports.</summary>
    [JsonPropertyName("parallelism")]
    public required int Parallelism { get; init; }
}
