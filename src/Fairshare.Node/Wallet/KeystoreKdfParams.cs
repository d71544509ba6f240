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
