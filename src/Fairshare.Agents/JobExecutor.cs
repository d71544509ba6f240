using Fairshare.Compute;
using Fairshare.Compute.Blobs;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Sandbox;
using Fairshare.Compute.Tensors;
using Fairshare.Compute.Verification;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents;

/// <summary>
/// Runs a market job on this machine: finds the model and input blobs by content address in the blob store (each
/// re-hashed once), runs them in a sandbox (<see cref="ISandbox"/>: in this process, or a worker process that a bad
/// model cannot take down) within the job's limits, and returns the output. A failure that is the job's own (a bad
/// model or input, a run past its limits, a blob over the size limits, a worker the model crashed twice) becomes a
/// fault blob, <c>JobTensors.Failed(layout, code)</c>, committed and revealed like any output, so honest providers
/// agree and are paid for a stranger's bad job. It also compares outputs within tolerance, which is how an arbiter
/// votes in a dispute.
/// </summary>
public sealed class JobExecutor : IDisposable
{
    private const int VerifiedCapacity = 10_000;

    private readonly BlobStore _blobs;
    private readonly HashSet<Hash32> _verified = [];
    private readonly Dictionary<Hash32, long> _oversized = [];

    /// <summary>An executor over a blob store, running jobs in <paramref name="sandbox"/> (default: in this process) on <paramref name="provider"/> (default: the CPU).</summary>
    public JobExecutor(BlobStore blobs, ISandbox? sandbox = null, ExecutionProvider? provider = null)
    {
        _blobs = blobs;
        Sandbox = sandbox ?? new InProcessSandbox();
        Provider = provider ?? ExecutionProvider.Cpu;
    }

    /// <summary>The blob store jobs read from and write to.</summary>
    public BlobStore Blobs => _blobs;

    /// <summary>Where jobs run.</summary>
    public ISandbox Sandbox { get; }

    /// <summary>The execution provider jobs ask for.</summary>
    public ExecutionProvider Provider { get; }

    /// <summary>
    /// The time added to every market job's run-time limit for loading its model (<see cref="LimitsFor"/>); by default
    /// <see cref="JobLimits.ModelLoadAllowance"/>. Providers must agree on it, so change it only in tests.
    /// </summary>
    public TimeSpan LoadAllowance { get; set; } = JobLimits.ModelLoadAllowance;

    /// <summary>
    /// The limits of a market job on a provider with <paramref name="offer"/> (docs/compute.md, "Limits"): run time
    /// <c>market.run-time-factor × work units ÷ the offer's benchmark score</c> plus <see cref="LoadAllowance"/>;
    /// memory the job's minimum memory, or the offer's memory when the job asks for none; blob sizes
    /// <c>market.max-model-bytes</c> and <c>market.max-input-bytes</c>; the output at most the chain's largest blob
    /// (<see cref="MarketParams.MaxBlobBytes"/>), which is all a node stores.
    /// </summary>
    public JobLimits LimitsFor(JobSpec spec, MarketParams market, ProviderOffer offer)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(offer);
        uint memoryMb = spec.MinMemoryMb != 0 ? spec.MinMemoryMb : Math.Max(1u, offer.MemoryMb);
        return JobLimits.ForMarketJob(
            spec.WorkUnits, Math.Max(1UL, offer.BenchmarkScore), Math.Max(1u, market.RunTimeFactor), memoryMb, market.MaxModelBytes, market.MaxInputBytes,
            LoadAllowance) with { MaxOutputBytes = (long)Math.Min(market.MaxBlobBytes, long.MaxValue) };
    }

    /// <summary>Runs a job of trusted origin (the demo's own answers, benchmarks) with <see cref="JobLimits.Trusted"/>.</summary>
    public ExecutionOutcome Run(JobSpec spec) => Run(spec, JobLimits.Trusted);

    /// <summary>Runs a job within <paramref name="limits"/>: its output, a fault blob, or the provider's own problem.</summary>
    public ExecutionOutcome Run(JobSpec spec, JobLimits limits)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(limits);
        var kind = spec.Kind == JobKind.Kernel ? ComputeJobKind.Kernel : ComputeJobKind.OnnxInference;
        if (kind == ComputeJobKind.OnnxInference && Check(spec, spec.Model, limits.MaxModelBytes, ComputeError.ModelTooLarge, "model") is { } model) return model;
        if (Check(spec, spec.Input, limits.MaxInputBytes, ComputeError.InputTooLarge, "input") is { } input) return input;

        string outputs = Path.Combine(_blobs.Root, "outputs");
        Directory.CreateDirectory(outputs);
        string outputPath = Path.Combine(outputs, $"{spec.Input}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var job = new SandboxJob(kind, kind == ComputeJobKind.Kernel ? "" : _blobs.PathOf(spec.Model), _blobs.PathOf(spec.Input), outputPath, limits, Provider);
            var outcome = Sandbox.Run(job);
            if (outcome.IsOk) return Delivered(spec, outputPath, limits.MaxOutputBytes, outcome.Elapsed);
            if (outcome.IsJobFault) return new ExecutionOutcome(FaultBlob(spec, outcome.Error), outcome.Elapsed, outcome.Message, outcome.Error);
            // The provider's own problem: check the blobs again next time (one may have been damaged since).
            _verified.Remove(spec.Model);
            _verified.Remove(spec.Input);
            return ExecutionOutcome.Failed(outcome.Message, outcome.Error);
        }
        finally
        {
            File.Delete(outputPath);
        }
    }

    /// <summary>
    /// The fault blob of <paramref name="spec"/>: <c>JobTensors.Failed</c> with the input's layout (read from its
    /// header; <see cref="JobLayout.Single"/> when the input is missing or not a version 2 blob), so every honest
    /// provider writes the same bytes.
    /// </summary>
    public byte[] FaultBlob(JobSpec spec, ComputeError fault)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return JobTensors.Failed(LayoutOf(spec.Input), fault).Encode();
    }

    /// <summary>
    /// Records that the blob at <paramref name="address"/> has <paramref name="size"/> bytes although it was not kept
    /// (it is over a size limit): a job naming it then ends with <see cref="ComputeError.ModelTooLarge"/> or
    /// <see cref="ComputeError.InputTooLarge"/> instead of waiting for it.
    /// </summary>
    public void RecordOversized(Hash32 address, long size) => _oversized[address] = size;

    /// <summary>Stores an output blob and returns its content address.</summary>
    public Hash32 Store(byte[] output) => _blobs.Put(output);

    /// <summary>Whether the blob at <paramref name="theirs"/> matches <paramref name="mine"/> within the default tolerance
    /// (false when it is missing or malformed: what cannot be checked does not get an agreeing vote).</summary>
    public bool Agrees(byte[] mine, Hash32 theirs)
    {
        if (!_blobs.TryGet(theirs, out var other)) return false;
        return OutputComparator.Compare(mine, other, Tolerances.Default).Agrees;
    }

    /// <summary>
    /// A plausible but wrong output (what a cheater returns): every float32 tensor of every item with its elements in
    /// reverse order; for a fault blob, another fault.
    /// </summary>
    public static byte[] Corrupt(byte[] output)
    {
        var decoded = JobTensors.Decode(output);
        if (!decoded.IsOk) return [.. output.Reverse()];
        var value = decoded.Value;
        if (value.IsFault) return JobTensors.Failed(value.Layout, value.Fault == ComputeError.RunFailed ? ComputeError.ModelInvalid : ComputeError.RunFailed).Encode();
        var items = value.Items.Select(item => item with
        {
            Tensors = [.. item.Tensors.Select(t =>
            {
                if (t.Type != TensorElementType.Float32) return t;
                var values = t.AsFloat32().ToArray();
                Array.Reverse(values);
                return TensorData.Float32(t.Name, t.Shape, values);
            })],
        });
        return (value with { Items = [.. items] }).Encode();
    }

    /// <summary>Disposes the sandbox.</summary>
    public void Dispose() => Sandbox.Dispose();

    /// <summary>
    /// The output a run wrote, or the <see cref="ComputeError.OutputTooLarge"/> fault when it is larger than a node
    /// stores: every honest provider's output has the same size, so they agree on the fault instead of each failing
    /// to upload (and missing the deadline).
    /// </summary>
    private ExecutionOutcome Delivered(JobSpec spec, string outputPath, long maxBytes, TimeSpan elapsed)
    {
        long size = new FileInfo(outputPath).Length;
        if (size > maxBytes)
            return new ExecutionOutcome(FaultBlob(spec, ComputeError.OutputTooLarge), elapsed, $"the output has {size:N0} bytes, over the largest blob of {maxBytes:N0}", ComputeError.OutputTooLarge);
        return new ExecutionOutcome(File.ReadAllBytes(outputPath), elapsed, null);
    }

    /// <summary>Null when the blob is here, intact and within its limit; else the outcome that says why not.</summary>
    private ExecutionOutcome? Check(JobSpec spec, Hash32 address, long maxBytes, ComputeError tooLarge, string what)
    {
        long? size = _oversized.TryGetValue(address, out long recorded) ? recorded : null;
        try
        {
            var file = new FileInfo(_blobs.PathOf(address));
            if (size is null && file.Exists) size = file.Length;
            if (size > maxBytes)
                return new ExecutionOutcome(FaultBlob(spec, tooLarge), TimeSpan.Zero, $"the {what} blob has {size:N0} bytes, over the limit of {maxBytes:N0}", tooLarge);
            if (_verified.Contains(address)) return null;
            if (!_blobs.TryGet(address, out _)) return ExecutionOutcome.Failed($"{what} blob {address} is not in the blob store", ComputeError.BlobUnavailable);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ExecutionOutcome.Failed($"cannot read the {what} blob {address}: {e.Message}", ComputeError.BlobStoreFailed);
        }

        if (_verified.Count == VerifiedCapacity) _verified.Clear();
        _verified.Add(address);
        return null;
    }

    /// <summary>The layout byte of a version 2 input's header; Single for anything else.</summary>
    private JobLayout LayoutOf(Hash32 input)
    {
        Span<byte> header = stackalloc byte[6];
        try
        {
            using var stream = File.OpenRead(_blobs.PathOf(input));
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length) return JobLayout.Single;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return JobLayout.Single;
        }

        var layout = (JobLayout)header[5];
        return header[..4].SequenceEqual("FSTB"u8) && header[4] == JobTensors.Version && Enum.IsDefined(layout) ? layout : JobLayout.Single;
    }
}
