using System.Text.Json.Nodes;
using Fairshare.Compute.Formats;
using Fairshare.Compute.Models;
using Fairshare.Compute.Tensors;

namespace Fairshare.Cli.Tests;

/// <summary>
/// <c>fairshare job</c> as a person meets it: refusals before any money moves are one line with the code of
/// docs/jobs.md (exit 1), a wrong command line is exit 2, and <c>--json</c> answers the error as a document too.
/// </summary>
public sealed class JobCommandTests : CliTestBase
{
    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(Cli.Home, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task Quote_RefusesInputsThatDoNotFitTheModel_EachWithItsCode()
    {
        await using var server = await TestNodeServer.StartAsync(Cli.Home);
        string node = server.Url.ToString();
        string model = Write("mlp.onnx", OnnxModelBuilder.Mlp(8, [16], 4, seed: 3));
        string good = Write("x.npy", NpyFormat.Write(TensorData.Float32("x", [2, 8], new float[16])));
        string ints = Write("ints.npy", NpyFormat.Write(TensorData.Int32("x", [2, 8], new int[16])));
        string text = Write("notes.onnx", "not a model"u8.ToArray());
        ulong height = server.Height;

        AssertOneLineError(Cli.Run("job", "quote", "--node", node, "--model", model, "--input", $"y={good}"), 1, "[input_unknown_name]");
        AssertOneLineError(Cli.Run("job", "quote", "--node", node, "--model", model, "--input", $"x={ints}"), 1, "[input_wrong_type]");
        AssertOneLineError(Cli.Run("job", "quote", "--node", node, "--model", text, "--input", $"x={good}"), 1, "[model_unparseable]");
        AssertOneLineError(Cli.Run("job", "quote", "--node", node, "--model", model, "--input", "x=missing.npy"), 1, "[file_unreadable]");
        // The checks passed, but the chain has no provider.
        AssertOneLineError(Cli.Run("job", "quote", "--node", node, "--model", model, "--input", $"x={good}"), 1, "[no_provider]");

        var json = Cli.Run("job", "quote", "--node", node, "--model", model, "--input", $"y={good}", "--json");
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("input_unknown_name", JsonNode.Parse(json.Stdout)!["error"]!.GetValue<string>());
        Assert.Equal(height, server.Height);
    }

    [Theory]
    [InlineData("--max-price", "0.1", "--budget", "5", "either --max-price or --budget")]
    [InlineData("--policy", "lottery", "--deadline-blocks", "10", "--policy lottery")]
    [InlineData("--replicas", "3", "--policy", "canary", "--replicas applies")]
    [InlineData("--min-memory", "lots", "--deadline-blocks", "10", "--min-memory lots")]
    [InlineData("--requires", "tpu", "--deadline-blocks", "10", "--requires tpu")]
    public async Task AWrongCommandLine_IsExitCode2(string option1, string value1, string option2, string value2, string message)
    {
        await using var server = await TestNodeServer.StartAsync(Cli.Home);
        string model = Write("mlp.onnx", OnnxModelBuilder.Mlp(8, [16], 4, seed: 3));
        string good = Write("x.npy", NpyFormat.Write(TensorData.Float32("x", [2, 8], new float[16])));

        var run = Cli.Run("job", "submit", "--node", server.Url.ToString(), "--from", "alice", "--model", model, "--input", $"x={good}", option1, value1, option2, value2);

        AssertOneLineError(run, 2, message);
    }

    [Fact]
    public void TheJobVerbs_WithoutANode_SayHowToNameOne()
    {
        var run = Cli.Run("job", "list");

        AssertOneLineError(run, 2, "--node URL");
    }
}
