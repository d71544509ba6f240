using System.Text.Json.Nodes;
using Fairshare.Core.Crypto;

namespace Fairshare.Node.Chain;

/// <summary>Reads and writes a validator's key file: <c>{"public_key": hex, "seed": hex}</c>, mode 0600.</summary>
public static class NodeKeyFile
{
    /// <summary>Writes the key; refuses to overwrite.</summary>
    public static void Write(string path, KeyPair key)
    {
        var json = new JsonObject
        {
            ["public_key"] = key.PublicKey.ToString(),
            ["seed"] = Convert.ToHexStringLower(key.ExportSeed()),
        };
        // Created with mode 0600 (not chmod-ed after): no moment in which another user could open it.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(json.ToJsonString());
    }

    /// <summary>Reads the key, or throws <see cref="InvalidDataException"/> with the reason.</summary>
    public static KeyPair Read(string path)
    {
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException("empty");
            var seed = Convert.FromHexString(json["seed"]?.GetValue<string>() ?? throw new InvalidDataException("no seed"));
            var key = KeyPair.FromSeed(seed);
            var expected = json["public_key"]?.GetValue<string>();
            if (expected != key.PublicKey.ToString()) throw new InvalidDataException("public_key does not match seed");
            return key;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a valid node key file: {e.Message}", e);
        }
    }
}
