using System.Text.Json.Serialization;

namespace Fairshare.Node.Wallet;

/// <summary>
/// Source-generated System.Text.Json metadata for key files (no reflection). Strict: required members must be
/// present, non-nullable strings must not be null, and a property may appear only once.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(KeystoreFile))]
public sealed partial class KeystoreJsonContext : JsonSerializerContext;
