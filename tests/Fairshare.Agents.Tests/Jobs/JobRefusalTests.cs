using Fairshare.Agents.Jobs;
using Fairshare.Compute.Formats;
using Fairshare.Compute.Models;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Agents.Tests.Jobs;

/// <summary>
/// Issue 13's bad inputs through the SDK against a real node: each is refused with its own code before anything is
/// uploaded or locked, and the chain does not change (the client's balance and nonce, the jobs, the node's blobs).
/// The expected codes come from docs/jobs.md's table.
/// </summary>
public sealed class JobRefusalTests(JobNode net) : IClassFixture<JobNode>
{
    private static readonly KeyPair Alice = KeyPair.ForDevelopment("alice");
    private static readonly KeyPair Bob = KeyPair.ForDevelopment("bob");

    /// <summary>A generated MLP 8 → 16 → 4 (input <c>x</c> float32 [batch, 8], output <c>y</c>).</summary>
    private static readonly byte[] Model = OnnxModelBuilder.Mlp(8, [16], 4, seed: 3);

    private static JobTensors Inputs(TensorData x) => JobTensors.Single([x]);

    private static TensorData GoodX => TensorData.Float32("x", [2, 8], new float[16]);

    [Fact]
    public Task WrongInputName_IsRefused() => Refused(new JobRequest(Model, Inputs(TensorData.Float32("input", [2, 8], new float[16]))), "input_unknown_name", "\"x\"");

    [Fact]
    public Task WrongDtype_IsRefused() => Refused(new JobRequest(Model, Inputs(TensorData.Int64("x", [2, 8], new long[16]))), "input_wrong_type", "float32");

    [Fact]
    public Task WrongRank_IsRefused() => Refused(new JobRequest(Model, Inputs(TensorData.Float32("x", [16], new float[16]))), "input_wrong_rank", "x");

    [Fact]
    public Task WrongFixedDimension_IsRefused() => Refused(new JobRequest(Model, Inputs(TensorData.Float32("x", [2, 7], new float[14]))), "input_wrong_dimension", "8");

    [Fact]
    public async Task ACorruptNpyFile_IsRefused()
    {
        string file = Path.Combine(Path.GetTempPath(), $"fairshare-corrupt-{Guid.NewGuid():N}.npy");
        byte[] good = NpyFormat.Write(GoodX);
        await File.WriteAllBytesAsync(file, good[..^5]); // the data ends early
        try
        {
            var error = Assert.Throws<JobException>(() => JobInputFiles.Load([$"x={file}"]));
            Assert.Equal("npy_truncated", error.Code);
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public Task AFileThatIsNotOnnx_IsRefused() => Refused(new JobRequest("this is a text file, not a model"u8.ToArray(), Inputs(GoodX)), "model_unparseable", "ONNX");

    [Fact]
    public Task AModelOverTheSizeLimit_IsRefused() =>
        Refused(new JobRequest(File.ReadAllBytes(RealModels.Recognition), Inputs(GoodX)), JobErrors.ModelTooLarge, "market.max-model-bytes");

    [Fact]
    public Task AnInputOverTheSizeLimit_IsRefused() =>
        Refused(new JobRequest(Model, Inputs(TensorData.Float32("x", [(long)(JobNode.Limit / 32) + 1, 8], new float[((int)(JobNode.Limit / 32) + 1) * 8]))),
            JobErrors.InputTooLarge, "market.max-input-bytes");

    [Fact]
    public Task AnUnsupportedOperator_IsRefused()
    {
        // The MLP with its Softmax moved to a custom domain: providers load no custom operator libraries.
        var model = Python.Run("""
            import sys, onnx
            from onnx import helper, TensorProto
            x = helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 8])
            y = helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 8])
            node = helper.make_node("FancySoftmax", ["x"], ["y"], domain="com.example.custom")
            graph = helper.make_graph([node], "custom", [x], [y])
            m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.example.custom", 1)])
            sys.stdout.write(m.SerializeToString().hex())
            """);
        return Refused(new JobRequest(Convert.FromHexString(model.Trim()), Inputs(GoodX)), "model_unsupported_operator", "com.example.custom");
    }

    [Fact]
    public async Task ABudgetBelowTheQuote_IsRefused()
    {
        var jobs = new JobClient(net.Gateway, Alice);
        var quote = await jobs.QuoteAsync(new JobRequest(Model, Inputs(GoodX)));
        // Spot-check escrows two executions at the cheapest price; one base unit less is below the quote.
        var needed = JobNode.Price * new Amount(quote.Prepared.WorkUnits) * new Amount(2);
        Assert.Equal(needed, quote.CheapestExecution! * new Amount(2));
        await Refused(new JobRequest(Model, Inputs(GoodX)) { Budget = needed - Amount.One }, JobErrors.BudgetBelowQuote, needed.ToDecimalString(18));
    }

    [Fact]
    public async Task APriceCapBelowEveryOffer_IsRefused() =>
        await Refused(new JobRequest(Model, Inputs(GoodX)) { MaxPricePerWorkUnit = JobNode.Price - Amount.One }, JobErrors.PriceBelowOffers, "0.01 FSH");

    [Fact]
    public async Task AnUnknownJobId_IsRefused()
    {
        var before = await Snapshot();
        var jobs = new JobClient(net.Gateway, Alice);

        var status = await Assert.ThrowsAsync<JobException>(() => jobs.StatusAsync(987_654));
        var result = await Assert.ThrowsAsync<JobException>(() => jobs.ResultAsync(987_654));
        var cancel = await Assert.ThrowsAsync<JobException>(() => jobs.CancelAsync(987_654));

        Assert.All(new[] { status, result, cancel }, e => Assert.Equal(JobErrors.UnknownJob, e.Code));
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task CancelOfSomeoneElsesJob_IsRefused()
    {
        var alice = new JobClient(net.Gateway, Alice);
        var submitted = await alice.SubmitAsync(new JobRequest(Model, Inputs(GoodX)));
        var before = await Snapshot(Bob);

        var error = await Assert.ThrowsAsync<JobException>(() => new JobClient(net.Gateway, Bob).CancelAsync(submitted.Id));

        Assert.Equal(JobErrors.NotYourJob, error.Code);
        Assert.Contains(Alice.Address.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Snapshot(Bob));
        Assert.NotEqual(JobState.Cancelled, (await alice.StatusAsync(submitted.Id)).Job.State);
    }

    /// <summary>Quote and submit both refuse with <paramref name="code"/>, naming <paramref name="mentions"/>, and nothing changes.</summary>
    private async Task Refused(JobRequest request, string code, string mentions)
    {
        var before = await Snapshot();
        var model = Hash32.Compute(request.Model);
        var input = Hash32.Compute(request.Inputs.Encode());
        bool modelThere = await net.Gateway.GetBlobAsync(model, CancellationToken.None) is not null;
        bool inputThere = await net.Gateway.GetBlobAsync(input, CancellationToken.None) is not null;
        var jobs = new JobClient(net.Gateway, Alice);

        var quoted = await Assert.ThrowsAsync<JobException>(() => jobs.QuoteAsync(request));
        var submitted = await Assert.ThrowsAsync<JobException>(() => jobs.SubmitAsync(request));

        Assert.Equal(code, quoted.Code);
        Assert.Equal(code, submitted.Code);
        Assert.Contains(mentions, submitted.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Snapshot());
        // Nothing was uploaded (another test of this class may have stored the same model or input before).
        Assert.Equal(modelThere, await net.Gateway.GetBlobAsync(model, CancellationToken.None) is not null);
        Assert.Equal(inputThere, await net.Gateway.GetBlobAsync(input, CancellationToken.None) is not null);
    }

    /// <summary>What a refusal must leave alone: the client's nonce and FSH, the escrow account, and the jobs of the chain.</summary>
    private async Task<string> Snapshot(KeyPair? client = null)
    {
        LedgerState state = await net.StateAsync();
        var who = (client ?? Alice).Address;
        return $"{state.Find(who)?.Nonce} {state.BalanceOf(who, AssetId.Fsh)} {state.BalanceOf(MarketStore.EscrowAccount, AssetId.Fsh)} {string.Join(",", MarketStore.Jobs(state).Select(j => $"{j.Id}:{j.Client}"))}";
    }
}
