using System.Collections.Immutable;
using System.Security.Cryptography;
using Fairshare.Agents.Remote;
using Fairshare.Client;
using Fairshare.Compute.Runtime;
using Fairshare.Compute.Tensors;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Agents.Jobs;

/// <summary>
/// The SDK of compute jobs: bring an ONNX model and tensors, get checked outputs back. <see cref="SubmitAndWaitAsync"/>
/// tells the whole story in one call (check, upload, submit, wait, download, check the hash); the pieces are
/// <see cref="QuoteAsync"/>, <see cref="SubmitAsync"/>, <see cref="StatusAsync"/>, <see cref="WaitAsync"/>,
/// <see cref="ResultAsync"/>, <see cref="CancelAsync"/> and <see cref="ListAsync"/>. It talks to a node through an
/// <see cref="INodeGateway"/> (<see cref="HttpNodeGateway"/> over HTTP), reads only committed state checked against its
/// signed block, and signs locally: keys never travel. Nothing is uploaded or locked until every local check passed.
/// </summary>
public sealed class JobClient
{
    private readonly INodeGateway _node;
    private readonly KeyPair? _signer;
    private Polly.ResiliencePipeline? _retry;

    /// <summary>A client reading through <paramref name="node"/> and signing with <paramref name="signer"/> (null: read-only).</summary>
    public JobClient(INodeGateway node, KeyPair? signer)
    {
        ArgumentNullException.ThrowIfNull(node);
        _node = node;
        _signer = signer;
    }

    /// <summary>How often a wait looks at the node's height.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How a wait rides out a node that is briefly away (the shared <see cref="NodeRetry"/> backoff).</summary>
    public NodeRetryOptions RetryOptions { get; init; } = NodeRetryOptions.Default;

    private Polly.ResiliencePipeline Retry => _retry ??= NodeRetry.Create(RetryOptions);

    /// <summary>The signing key's address.</summary>
    public Address Address => Signer.Address;

    private KeyPair Signer => _signer ?? throw new InvalidOperationException("this JobClient was created without a signing key");

    /// <summary>Checks the job locally and prices it against the current offers; nothing is uploaded or locked.</summary>
    public async Task<JobQuote> QuoteAsync(JobRequest request, CancellationToken ct = default)
    {
        var state = await StateAsync(ct).ConfigureAwait(false);
        return Quote(state, request);
    }

    /// <summary>The quote of <paramref name="request"/> on a state the caller already holds.</summary>
    public static JobQuote Quote(LedgerState state, JobRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var parameters = MarketStore.Params(state);
        var prepared = JobChecks.Prepare(request, parameters);
        ulong units = prepared.WorkUnits;
        ulong height = state.Head.Height;
        var quotes = MarketStore.Providers(state)
            .Select(p => ProviderQuote(state, p, request, units, height))
            .OrderBy(q => q.PricePerWorkUnit).ThenBy(q => q.Provider.ToString(), StringComparer.Ordinal)
            .ToImmutableArray();

        int executions = Executions(request.Policy, request.Replicas);
        double expected = request.Policy == VerificationPolicy.SpotCheck ? 1 + parameters.SpotCheckPpm / (double)Units.PpmDenominator : executions;
        var qualified = quotes.Where(q => q.Qualifies).ToList();
        if (qualified.Count == 0)
        {
            string why = quotes.Length == 0 ? "no provider is registered"
                : string.Join("; ", quotes.GroupBy(q => q.Reason).Select(g => $"{g.Count()} {g.Key}"));
            throw new JobException(JobErrors.NoProvider, $"no provider could take this job now ({why}); see 'fairshare market providers'");
        }

        var cap = Cap(request, qualified, units, executions);
        if (!Amount.TryMul(cap, new Amount(units), out var perExecution) || !Amount.TryMul(perExecution, new Amount((ulong)executions), out var escrow))
            throw new JobException(JobErrors.BadRequest, "the price cap × work units overflows");
        return new JobQuote(prepared, quotes, executions, expected, cap, escrow, height);
    }

    /// <summary>
    /// Checks and prices the job, uploads the model and the input, signs and sends the submission (locking the escrow),
    /// and returns once a block took it, with its id.
    /// </summary>
    public async Task<SubmittedJob> SubmitAsync(JobRequest request, CancellationToken ct = default)
    {
        var state = await StateAsync(ct).ConfigureAwait(false);
        var quote = Quote(state, request);
        var prepared = quote.Prepared;
        var fee = state.Params.MinFee;
        var balance = state.BalanceOf(Address, AssetId.Fsh);
        if (balance < quote.Escrow + fee)
        {
            throw new JobException("insufficient_balance",
                $"the escrow ({Fsh(quote.Escrow)}) and the fee ({Fsh(fee)}) need {Fsh(quote.Escrow + fee)}; {Address} holds {Fsh(balance)}: lower --max-price or --budget, or fund the key");
        }

        await UploadAsync(prepared.Model, prepared.ModelHash, ct).ConfigureAwait(false);
        await UploadAsync(prepared.Input, prepared.InputHash, ct).ConfigureAwait(false);

        var seal = Hash32.Read(RandomNumberGenerator.GetBytes(Hash32.Size));
        var spec = new JobSpec(JobKind.OnnxInference, prepared.ModelHash, prepared.InputHash, request.MinMemoryMb, request.Device, prepared.WorkUnits,
            quote.MaxPricePerWorkUnit, request.DeadlineBlocks, request.Policy, request.Replicas, seal, default);
        var committed = await SendAsync(state, new MarketSubmitJobPayload(spec), ct).ConfigureAwait(false);
        // The node answering reads may be a follower a block or two behind the leader that committed it.
        var after = await StateAtLeastAsync(committed.Height ?? state.Head.Height + 1, ct).ConfigureAwait(false);
        var job = MarketStore.Jobs(after).LastOrDefault(j => j.Client == Address && j.Spec.Seal == seal)
            ?? throw new InvalidOperationException($"the submission committed in block {committed.Height} but no job of {Address} carries its seal");
        return new SubmittedJob(job.Id, committed.TxId, committed.Height ?? after.Head.Height, quote);
    }

    /// <summary>Where job <paramref name="id"/> stands now.</summary>
    public async Task<JobStatus> StatusAsync(ulong id, CancellationToken ct = default)
    {
        var state = await StateAsync(ct).ConfigureAwait(false);
        return new JobStatus(Find(state, id), state.Head.Height);
    }

    /// <summary>
    /// Follows job <paramref name="id"/> block by block until it ends, reporting each change of its status to
    /// <paramref name="progress"/>; a node that is briefly away is retried on <see cref="RetryOptions"/> (the shared <see cref="NodeRetry"/> backoff).
    /// </summary>
    public async Task<JobStatus> WaitAsync(ulong id, IProgress<JobStatus>? progress = null, CancellationToken ct = default)
    {
        ulong seen = 0;
        string? last = null;
        while (true)
        {
            ulong height;
            try
            {
                height = await Retry.ExecuteAsync(async token => await _node.HeightAsync(token).ConfigureAwait(false), ct).ConfigureAwait(false);
            }
            catch (GatewayException e) when (e.IsTransient)
            {
                throw new JobException("unreachable", $"the node did not answer after {RetryOptions.MaxAttempts} tries ({e.Code}: {e.Message}); the job goes on without you: check it later with 'fairshare job status {id}'", e);
            }

            if (height != seen)
            {
                seen = height;
                var status = await StatusAsync(id, ct).ConfigureAwait(false);
                if (status.Summary != last) progress?.Report(status);
                last = status.Summary;
                if (status.IsClosed) return status;
            }

            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The verified outputs of a settled job: the accepted output blob, re-hashed against the chain's accepted hash and
    /// decoded. A job fault (the model failed alike on the providers) and a job without output are
    /// <see cref="JobException"/>s that say what happened.
    /// </summary>
    public async Task<JobResult> ResultAsync(ulong id, CancellationToken ct = default)
    {
        var status = await StatusAsync(id, ct).ConfigureAwait(false);
        var job = status.Job;
        switch (job.State)
        {
            case JobState.Failed:
                throw new JobException(JobErrors.NoOutput, $"job {id} failed in block {job.ClosedHeight}: no provider delivered a verified output in time; {Fsh(job.Refunded)} of its escrow was refunded");
            case JobState.Cancelled:
                throw new JobException(JobErrors.NoOutput, $"job {id} was cancelled in block {job.ClosedHeight}; its escrow was refunded");
            case not JobState.Settled:
                throw new JobException(JobErrors.NoOutput, $"job {id} has not settled yet ({status.Describe()}); follow it with 'fairshare job status {id} --wait'");
        }

        byte[]? blob;
        try
        {
            blob = await _node.GetBlobAsync(job.AcceptedOutput, ct).ConfigureAwait(false);
        }
        catch (GatewayException e)
        {
            throw new JobException(JobErrors.OutputUnavailable, $"the output {job.AcceptedOutput} of job {id} could not be fetched: {e.Message}", e);
        }

        if (blob is null || Hash32.Compute(blob) != job.AcceptedOutput)
            throw new JobException(JobErrors.OutputUnavailable, $"no validator holds the accepted output {job.AcceptedOutput} of job {id} intact");
        var outputs = JobTensors.Decode(blob);
        if (!outputs.IsOk) throw new JobException(JobErrors.OutputUnavailable, $"the accepted output of job {id} does not decode: {outputs.Message}");
        if (outputs.Value.IsFault)
        {
            throw new JobException(JobErrors.JobFault,
                $"job {id}'s model failed alike on the providers, so the verified outcome is a job fault: {JobFaults.Explain(outputs.Value.Fault)} ({JobErrors.Of(outputs.Value.Fault)}); the providers were paid for their time");
        }

        return new JobResult(job, job.AcceptedOutput, outputs.Value);
    }

    /// <summary>Submits, waits and fetches the verified outputs: the whole story in one call.</summary>
    public async Task<(SubmittedJob Submitted, JobResult Result)> SubmitAndWaitAsync(JobRequest request, IProgress<JobStatus>? progress = null, CancellationToken ct = default)
    {
        var submitted = await SubmitAsync(request, ct).ConfigureAwait(false);
        await WaitAsync(submitted.Id, progress, ct).ConfigureAwait(false);
        var result = await ResultAsync(submitted.Id, ct).ConfigureAwait(false);
        CheckAgainst(result.Outputs, submitted.Quote.Prepared);
        return (submitted, result);
    }

    /// <summary>Cancels one of the signer's jobs that no provider was assigned to yet; the whole escrow comes back.</summary>
    public async Task<ulong> CancelAsync(ulong id, CancellationToken ct = default)
    {
        var state = await StateAsync(ct).ConfigureAwait(false);
        var job = Find(state, id);
        if (job.Client != Address) throw new JobException(JobErrors.NotYourJob, $"job {id} belongs to {job.Client}, not to {Address}; only its client may cancel it");
        if (job.State != JobState.Open)
            throw new JobException(JobErrors.NotCancellable, $"job {id} is {JobStatus.PhaseOf(job).ToString().ToLowerInvariant()}: only a job no provider was assigned to yet can be cancelled");
        var committed = await SendAsync(state, new MarketCancelJobPayload(id), ct).ConfigureAwait(false);
        return committed.Height ?? state.Head.Height;
    }

    /// <summary>Jobs on the chain, newest first: every job, or the signer's (<paramref name="mine"/>), optionally in one state.</summary>
    public async Task<IReadOnlyList<Job>> ListAsync(bool mine = false, JobState? state = null, CancellationToken ct = default)
    {
        var ledger = await StateAsync(ct).ConfigureAwait(false);
        var me = mine ? Address : (Address?)null;
        return [.. MarketStore.Jobs(ledger).Where(j => (me is null || j.Client == me) && (state is null || j.State == state)).OrderByDescending(j => j.Id)];
    }

    /// <summary>Checks that the outputs line up with the inputs they answer and name the model's outputs.</summary>
    public static void CheckAgainst(JobTensors outputs, PreparedJob prepared)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(prepared);
        var inputs = prepared.Inputs;
        bool sameItems = outputs.Layout == inputs.Layout && outputs.Items.Select(i => i.Name).SequenceEqual(inputs.Items.Select(i => i.Name));
        var expected = prepared.Signature.Outputs.Select(o => o.Name).ToList();
        bool sameOutputs = outputs.Items.All(i => i.Tensors.Select(t => t.Name).SequenceEqual(expected));
        if (!sameItems || !sameOutputs)
            throw new JobException(JobErrors.OutputUnavailable, "the accepted output does not answer these inputs with this model's outputs");
    }

    private static void Validate(JobRequest request)
    {
        if (request.MaxPricePerWorkUnit is not null && request.Budget is not null)
            throw new JobException(JobErrors.BadRequest, "give either a price cap per work unit or a budget, not both");
        if (request.MaxPricePerWorkUnit is { IsZero: true } || request.Budget is { IsZero: true })
            throw new JobException(JobErrors.BadRequest, "the price cap or budget must be positive");
        bool replicate = request.Policy == VerificationPolicy.Replicate;
        if (replicate ? request.Replicas is < JobSpec.MinReplicas or > JobSpec.MaxReplicas : request.Replicas != 1)
        {
            throw new JobException(JobErrors.BadRequest, replicate
                ? $"replicate needs {JobSpec.MinReplicas} to {JobSpec.MaxReplicas} replicas"
                : $"--replicas applies only to --policy replicate ({request.Policy} runs one executor)");
        }

        if (request.DeadlineBlocks is 0 or > JobSpec.MaxDeadlineBlocks)
            throw new JobException(JobErrors.BadRequest, $"the deadline must be 1 to {JobSpec.MaxDeadlineBlocks} blocks");
        if (request.Device is not (DeviceClass.Any or DeviceClass.Cpu or DeviceClass.Gpu))
            throw new JobException(JobErrors.BadRequest, "the device must be any, cpu or gpu");
    }

    private static int Executions(VerificationPolicy policy, byte replicas) => policy switch
    {
        VerificationPolicy.Replicate => replicas,
        VerificationPolicy.SpotCheck => 2,
        _ => 1,
    };

    private static ProviderQuote ProviderQuote(LedgerState state, ProviderRecord record, JobRequest request, ulong units, ulong height)
    {
        var offer = record.Offer;
        bool fits = offer.MemoryMb >= request.MinMemoryMb && (request.Device == DeviceClass.Any || offer.Device == request.Device);
        var price = Amount.TryMul(offer.PricePerWorkUnit, new Amount(units), out var total) ? total : Amount.MaxValue;
        return new ProviderQuote(record.Provider, ProviderEligibility.Status(state, record, height), fits, offer.Device, offer.MemoryMb,
            offer.BenchmarkScore, offer.PricePerWorkUnit, price, units / (double)Math.Max(1, offer.BenchmarkScore), offer.Hardware);
    }

    private static Amount Cap(JobRequest request, List<ProviderQuote> qualified, ulong units, int executions)
    {
        var cheapest = qualified.Min(q => q.PricePerWorkUnit);
        if (request.MaxPricePerWorkUnit is { } cap)
        {
            return cap >= cheapest ? cap : throw new JobException(JobErrors.PriceBelowOffers,
                $"the cap of {Fsh(cap)} per work unit is below every qualifying offer (the cheapest asks {Fsh(cheapest)}); raise --max-price");
        }

        if (request.Budget is { } budget)
        {
            var perUnit = budget / (new Amount(units) * new Amount((ulong)executions));
            if (perUnit < cheapest)
            {
                var needed = cheapest * new Amount(units) * new Amount((ulong)executions);
                throw new JobException(JobErrors.BudgetBelowQuote,
                    $"a budget of {Fsh(budget)} is below the quote: {executions} execution(s) × {units} work units at the cheapest qualifying offer ({Fsh(cheapest)} per unit) need {Fsh(needed)}");
            }

            return perUnit;
        }

        return qualified.Max(q => q.PricePerWorkUnit);
    }

    private static Job Find(LedgerState state, ulong id) =>
        MarketStore.Job(state, id) ?? throw new JobException(JobErrors.UnknownJob, $"no job {id} on this chain (the last is {MarketStore.Jobs(state).Select(j => j.Id).DefaultIfEmpty().Max()}); see 'fairshare job list'");

    private async Task<LedgerState> StateAsync(CancellationToken ct) => await _node.StateAsync(ct).ConfigureAwait(false);

    /// <summary>The committed state once it reaches <paramref name="height"/> (a follower catches up within blocks).</summary>
    private async Task<LedgerState> StateAtLeastAsync(ulong height, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var state = await StateAsync(ct).ConfigureAwait(false);
            if (state.Head.Height >= height) return state;
            if (waited.Elapsed > RetryOptions.MaxDelay * RetryOptions.MaxAttempts)
                throw new JobException("behind", $"the node is still at block {state.Head.Height}, behind block {height} that took the transaction; ask another validator");
            await Task.Delay(PollInterval, ct).ConfigureAwait(false);
        }
    }

    private async Task UploadAsync(byte[] content, Hash32 address, CancellationToken ct)
    {
        var stored = await _node.PutBlobAsync(content, ct).ConfigureAwait(false);
        if (stored != address) throw new InvalidOperationException($"the node stored {stored} for content whose SHA-256 is {address}");
    }

    private async Task<Node.Cluster.SubmittedTransaction> SendAsync(LedgerState state, TxPayload payload, CancellationToken ct)
    {
        ulong nonce = state.Find(Address)?.Nonce ?? 0;
        var tx = SignedTransaction.Sign(new Transaction(state.ChainId, nonce, state.Params.MinFee, payload), Signer);
        var outcome = (await _node.SubmitAsync([tx], wait: true, ct).ConfigureAwait(false))[0];
        if (outcome.IsPending)
            throw new JobException("pending", $"transaction {tx.Id} was accepted but not committed yet; check 'fairshare job list --mine' before sending it again");
        if (outcome.Code != ResultCode.Ok) throw new JobException(JobErrors.Rejected, $"the chain refused the transaction: {outcome.Code}; nothing changed");
        return outcome;
    }

    private static string Fsh(Amount amount) => amount.ToDecimalString(18) + " FSH";
}
