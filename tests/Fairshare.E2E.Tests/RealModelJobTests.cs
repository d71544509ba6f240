using System.Text.Json;
using Fairshare.Agents.Jobs;
using Fairshare.Agents.Remote;
using Fairshare.Client;
using Fairshare.Compute.Formats;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Crypto;
using Fairshare.Testing;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace Fairshare.E2E.Tests;

/// <summary>
/// Issue 13's end to end, on real processes: three validators and two provider processes (<c>testnet up</c>), a client
/// that brings the npm-shipped PP-OCRv4 recognition model and a <c>.npy</c> input, <c>job submit --wait</c> and
/// <c>job result</c>, and the outputs checked by Debian's numpy against a direct ONNX Runtime run; then the same story
/// through the SDK.
/// </summary>
public sealed class RealModelJobTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fairshare-e2e-job-").FullName;

    [Fact]
    public async Task AClient_RunsTheRealRecognitionModelThroughTheNetwork_ByCliAndBySdk()
    {
        using var net = TestnetProcess.Start("--validators", "3", "--providers", "2", "--senders", "1");
        string node = net.Validators[0].Url;
        string model = RealModels.Recognition;
        using (var api = TestnetProcess.ClientOf(net.Validators[0]))
        {
            // Providers measure their machine, bond and register first.
            await Poll.UntilAsync(async () => (await api.GetOffersAsync()).Count(p => p.Status == "available") == 2,
                TimeSpan.FromMinutes(2), "both providers registered and available", net.Logs, everyMs: 250);
        }

        // The input: a seeded [1, 3, 48, 320] float32 array written by numpy itself (an independent writer).
        string input = Path.Combine(_work, "x.npy");
        Python.Run("""
            import sys, numpy as np
            rng = np.random.default_rng(13)
            np.save(sys.argv[1], rng.uniform(-1, 1, size=(1, 3, 48, 320)).astype(np.float32))
            """, input);

        // The reference: the model run directly in ONNX Runtime on the same bytes, written as raw float32.
        var (expectedShape, expected) = DirectRun(model, input);
        string reference = Path.Combine(_work, "expected.f32");
        await File.WriteAllBytesAsync(reference, System.Runtime.InteropServices.MemoryMarshal.AsBytes(expected.AsSpan()).ToArray());

        string outDir = Path.Combine(_work, "out");
        var (code, text) = Cli.Run(TimeSpan.FromMinutes(4),
            ["job", "submit", "--node", node, "--dev-key", "sender-1", "--model", model, "--input", $"x={input}", "--wait", "--out", outDir, "--json"]);
        Assert.True(code == 0, $"job submit failed ({code}):\n{text}\n{net.Logs()}");
        using var submitted = JsonDocument.Parse(JsonPart(text));
        ulong id = submitted.RootElement.GetProperty("job").GetUInt64();
        Assert.Equal("settled", submitted.RootElement.GetProperty("state").GetString());
        string written = Path.Combine(outDir, "softmax_11.tmp_0.npy");
        Assert.True(File.Exists(written), $"no {written}:\n{text}");
        output.WriteLine($"job {id} settled; wrote {written}");

        // numpy loads the output and finds it equal to the direct run within the comparator's float32 tolerance.
        string verdict = Python.Run("""
            import sys, numpy as np
            got = np.load(sys.argv[1])
            shape = tuple(int(d) for d in sys.argv[3].split(","))
            want = np.fromfile(sys.argv[2], dtype="<f4").reshape(shape)
            assert got.dtype == np.float32, got.dtype
            assert got.shape == shape, (got.shape, shape)
            assert np.allclose(got, want, rtol=1e-3, atol=1e-4), np.abs(got - want).max()
            print("ok", got.shape, float(np.abs(got - want).max()))
            """, written, reference, string.Join(",", expectedShape));
        Assert.StartsWith("ok", verdict.Trim());
        output.WriteLine("numpy: " + verdict.Trim());

        // 'job result' fetches the same verified output again, byte for byte.
        string again = Path.Combine(_work, "again");
        var (resultCode, resultText) = Cli.Run(TimeSpan.FromMinutes(1), ["job", "result", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--node", node, "--out", again]);
        Assert.True(resultCode == 0, resultText);
        Assert.Equal(await File.ReadAllBytesAsync(written), await File.ReadAllBytesAsync(Path.Combine(again, "softmax_11.tmp_0.npy")));

        // The same story through the SDK, on another validator: one call, and the outputs equal the direct run.
        using var client = new FairshareClient(new Uri(net.Validators[1].Url.TrimEnd('/') + "/"), TimeSpan.FromSeconds(30));
        var gateway = new HttpNodeGateway(client);
        string chainId = await gateway.ChainIdAsync(CancellationToken.None);
        using var key = KeyPair.ForDevelopment(chainId + "/sender-1");
        var jobs = new JobClient(gateway, key);
        var request = new JobRequest(await File.ReadAllBytesAsync(model), JobInputFiles.Load([$"x={input}"]));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var (sdkJob, result) = await jobs.SubmitAndWaitAsync(request, ct: timeout.Token);
        var tensor = Assert.Single(Assert.Single(result.Outputs.Items).Tensors);
        Assert.Equal(expectedShape, tensor.Shape);
        var actual = tensor.AsFloat32().ToArray();
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-4 + 1e-3 * Math.Abs(expected[i]), $"element {i}: {actual[i]} vs {expected[i]}");
        Assert.NotEqual(id, sdkJob.Id);
        output.WriteLine($"SDK job {sdkJob.Id} settled with output {result.OutputHash}");

        // The OCR example, as its README runs it: the shipped image of printed text, recognized on the network.
        string sample = Path.Combine(RealModels.RepositoryRoot, "examples", "Fairshare.Examples.Ocr", "samples", "fairshare-2026.png");
        var (ocrCode, ocrText) = Example(["network", "--node", net.Validators[2].Url, "--dev-key", "sender-1", "--image", sample]);
        Assert.True(ocrCode == 0, ocrText);
        Assert.Equal("FAIRSHARE 2026", ocrText.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim());
        output.WriteLine("OCR example on the network: " + ocrText.Trim().Replace('\n', ' '));

        // Every validator holds the same state at a common height.
        ulong target = (await net.StatusesAsync()).Max(s => s!.Height);
        await Poll.UntilAsync(async () => (await net.StatusesAsync()).All(s => s is not null && s.Height >= target), TimeSpan.FromSeconds(30), "validators reaching " + target, net.Logs);
        var roots = new List<string>();
        foreach (var v in net.Validators)
        {
            using var api = TestnetProcess.ClientOf(v);
            roots.Add((await api.GetBlockAsync(target))!.StateRoot);
        }

        Assert.Single(roots.Distinct());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Runs the OCR example program (stdout only; its progress lines go to stderr).</summary>
    private static (int Code, string Stdout) Example(IReadOnlyList<string> args)
    {
        // Built beside this test assembly's configuration and framework (bin/CONFIG/TFM).
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string dll = Path.Combine(RealModels.RepositoryRoot, "examples", "Fairshare.Examples.Ocr", "bin", here.Parent!.Name, here.Name, "Fairshare.Examples.Ocr.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3))) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return (process.ExitCode, process.ExitCode == 0 ? stdout : stdout + stderr.Result);
    }

    private static (long[] Shape, float[] Values) DirectRun(string model, string npy)
    {
        var tensor = NpyFormat.Read(File.ReadAllBytes(npy), "x");
        Assert.True(tensor.IsOk, tensor.Message);
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        using var value = OrtValue.CreateTensorValueFromMemory(tensor.Value.AsFloat32().ToArray(), tensor.Value.Shape);
        using var results = session.Run(new RunOptions(), new Dictionary<string, OrtValue> { ["x"] = value }, session.OutputNames);
        return (results[0].GetTensorTypeAndShape().Shape, results[0].GetTensorDataAsSpan<float>().ToArray());
    }

    /// <summary>The JSON document of a <c>--json</c> run (progress lines go to stderr, which the runner merges in).</summary>
    private static string JsonPart(string text)
    {
        int start = text.IndexOf("{\n", StringComparison.Ordinal);
        if (start < 0) start = text.IndexOf('{', StringComparison.Ordinal);
        int end = text.LastIndexOf('}');
        return start >= 0 && end > start ? text[start..(end + 1)] : throw new InvalidOperationException("no JSON in:\n" + text);
    }
}
