using System.CommandLine;
using Fairshare.Agents.Jobs;
using Fairshare.Agents.Remote;
using Fairshare.Client;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Crypto;
using Fairshare.Core.Modules.Market;
using Fairshare.Examples.Ocr.Decoding;
using Fairshare.Examples.Ocr.Imaging;
using Fairshare.Examples.Ocr.Preprocessing;
using Fairshare.Examples.Ocr.Tensors;
using Fairshare.Node.Wallet;

namespace Fairshare.Examples.Ocr.Commands;

/// <summary>
/// <c>network --node URL --dev-key NAME --image text.png</c>: the whole story through the Fairshare SDK. The image becomes
/// the recognizer's input tensor here; <see cref="JobClient.SubmitAndWaitAsync"/> checks the job, uploads the model and
/// the tensor, locks the escrow, follows the job until the network has verified an output, downloads it and checks its
/// hash; the output is decoded into text here.
/// </summary>
internal static class NetworkCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var node = new Option<string>("--node") { Description = "a Fairshare node's API base URL, e.g. http://127.0.0.1:7070", Required = true };
        var devKey = new Option<string?>("--dev-key") { Description = "a development key of the node's chain (a local testnet's sender-1, say)" };
        var keystore = new Option<string?>("--keystore") { Description = "or a wallet folder ('fairshare keys' writes DATA/keys) ..." };
        var key = new Option<string?>("--key") { Description = "... and the key's name in it (passphrase from $FAIRSHARE_PASSPHRASE)" };
        var model = new Option<string?>("--model") { Description = "the recognition model (default: ch_PP-OCRv4_rec_infer.onnx from scripts/models.sh)" };
        var image = new Option<string>("--image") { Description = "a PNG or JPEG of one line of text", Required = true };
        var keys = new Option<string?>("--keys") { Description = "the character list (default: ppocr_keys_v1.txt next to the default model)" };
        var policy = new Option<string>("--policy") { Description = "spot-check, replicate or canary", DefaultValueFactory = _ => "spot-check" };
        var save = new Option<string?>("--save-output") { Description = "also write the verified output here (.npy)" };
        var command = new Command("network", "Recognize the text on the Fairshare network: submit the job, wait for its verified output, decode it.")
        {
            node, devKey, keystore, key, model, image, keys, policy, save,
        };
        command.SetAction(parsed => OcrApp.Guard(parsed, output =>
        {
            var tensor = OcrPreprocess.ToTensor(TextImage.Load(parsed.GetValue(image)!));
            var decoder = CtcDecoder.Load(parsed.GetValue(keys) ?? ModelFiles.Find(ModelFiles.Characters));
            byte[] modelBytes = File.ReadAllBytes(parsed.GetValue(model) ?? ModelFiles.Find(ModelFiles.Recognition));
            var request = new JobRequest(modelBytes, JobTensors.Single([TensorData.Float32("x", [.. tensor.Shape.Select(d => (long)d)], tensor.Values)]))
            {
                Policy = parsed.GetValue(policy) switch
                {
                    "replicate" => VerificationPolicy.Replicate,
                    "canary" => VerificationPolicy.Canary,
                    _ => VerificationPolicy.SpotCheck,
                },
                Replicas = parsed.GetValue(policy) == "replicate" ? (byte)2 : (byte)1,
            };

            using var api = new FairshareClient(new Uri(parsed.GetValue(node)!.TrimEnd('/') + "/"));
            var gateway = new HttpNodeGateway(api);
            using var signer = Signer(gateway, parsed.GetValue(devKey), parsed.GetValue(keystore), parsed.GetValue(key));
            var jobs = new JobClient(gateway, signer);
            var error = parsed.InvocationConfiguration.Error;
            try
            {
                var progress = new Reporter(s => error.WriteLine($"job {s.Job.Id}: {s.Describe()}"));
                var (submitted, result) = jobs.SubmitAndWaitAsync(request, progress).GetAwaiter().GetResult();
                var probabilities = result.Outputs.Items[0].Tensors[0];
                var decoded = new FloatTensor([.. probabilities.Shape.Select(d => (int)d)], probabilities.AsFloat32().ToArray());
                if (parsed.GetValue(save) is { } savePath) decoded.WriteNpy(savePath);
                error.WriteLine($"job {submitted.Id} settled: output {result.OutputHash} verified, {submitted.Quote.Prepared.WorkUnits} work units");
                DecodeCommand.Print(output, decoder.Decode(decoded), confidence: false);
                return OcrApp.Ok;
            }
            catch (JobException e)
            {
                error.WriteLine($"error: {e.Message} [{e.Code}]");
                return OcrApp.Failed;
            }
            catch (GatewayException e)
            {
                error.WriteLine($"error: the node at {api.BaseUrl} answered {e.Code}: {e.Message}");
                return OcrApp.Failed;
            }
        }));
        return command;
    }

    private static KeyPair Signer(HttpNodeGateway node, string? devKey, string? keystore, string? name)
    {
        if (devKey is not null) return KeyPair.ForDevelopment(node.ChainIdAsync(CancellationToken.None).GetAwaiter().GetResult() + "/" + devKey);
        if (keystore is null || name is null) throw new ArgumentException("give --dev-key NAME, or --keystore DIR and --key NAME");
        var unlocked = new Keystore(keystore).Unlock(name, Environment.GetEnvironmentVariable("FAIRSHARE_PASSPHRASE") ?? string.Empty);
        if (!unlocked.IsOk) throw new ArgumentException($"cannot unlock '{name}' in {keystore}: {unlocked.Message}");
        try
        {
            return KeyPair.FromSeed(unlocked.Value!);
        }
        finally
        {
            Array.Clear(unlocked.Value!);
        }
    }

    private sealed class Reporter(Action<JobStatus> report) : IProgress<JobStatus>
    {
        public void Report(JobStatus value) => report(value);
    }
}
