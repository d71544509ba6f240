using System.Text.Json;

namespace Fairshare.Testnet;

/// <summary><c>DIR/testnet.json</c>: the chain id and every process a <c>testnet up</c> started.</summary>
/// <param name="ChainId">The chain id.</param>
/// <param name="Supervisor">The <c>testnet up</c> process while it runs in the foreground; null when it detached.</param>
/// <param name="Members">Every process, in start order.</param>
public sealed record TestnetFile(string ChainId, TestnetEntry? Supervisor, IReadOnlyList<TestnetEntry> Members)
{
    /// <summary>The file's name inside the testnet folder.</summary>
    public const string FileName = "testnet.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the file into <paramref name="directory"/> (atomically).</summary>
    public void Write(string directory)
    {
        string path = Path.Combine(directory, FileName), temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Options));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the file of <paramref name="directory"/>.</summary>
    public static TestnetFile Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) throw new TestnetUsageException($"no testnet in {directory} ({FileName} not found); start one with 'fairshare testnet up --dir {directory}'");
        try
        {
            return JsonSerializer.Deserialize<TestnetFile>(File.ReadAllText(path), Options) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new TestnetUsageException($"{path} is not a testnet file: {e.Message}");
        }
    }
}
