namespace Fairshare.Compute;

/// <summary>
/// Why a compute operation failed. The numbers are stable (job results, logs and the provider agent carry them):
/// never renumber or reuse a value, only add. Ranges: 1xx tensor blob format, 2xx job runtime, 3xx model graph.
/// </summary>
public enum ComputeError
{
    /// <summary>The operation succeeded.</summary>
    None = 0,

    /// <summary>The tensor blob ended before its structure was complete.</summary>
    BlobTruncated = 100,

    /// <summary>The tensor blob does not start with the magic bytes <c>FSTB</c>.</summary>
    BlobBadMagic = 101,

    /// <summary>The tensor blob has a format version this program does not know.</summary>
    BlobUnsupportedVersion = 102,

    /// <summary>Bytes were left after the last tensor.</summary>
    BlobTrailingBytes = 103,

    /// <summary>The tensor count exceeds <c>TensorBlob.MaxTensors</c>.</summary>
    BlobTooManyTensors = 104,

    /// <summary>A tensor name is empty, too long or not valid UTF-8.</summary>
    BlobBadName = 105,

    /// <summary>Two tensors share a name.</summary>
    BlobDuplicateName = 106,

    /// <summary>A tensor's element type byte is not a known <c>TensorElementType</c>.</summary>
    BlobUnknownElementType = 107,

    /// <summary>A tensor's rank exceeds <c>TensorBlob.MaxRank</c>.</summary>
    BlobRankTooLarge = 108,

    /// <summary>A tensor dimension is negative.</summary>
    BlobBadDimension = 109,

    /// <summary>A tensor's element count or byte size overflows, or exceeds what the blob can hold.</summary>
    BlobSizeOverflow = 110,

    /// <summary>The model bytes are not a model the runtime can load.</summary>
    ModelInvalid = 200,

    /// <summary>The input tensors do not fit the job: a missing or extra name, a wrong type, rank or dimension.</summary>
    InputMismatch = 201,

    /// <summary>The runtime failed while executing a loaded model on fitting inputs.</summary>
    RunFailed = 202,

    /// <summary>The model produced an output whose element type a tensor blob cannot carry.</summary>
    UnsupportedOutputType = 203,

    /// <summary>
    /// The run took longer than its <c>JobLimits.RunTime</c> (the market's <c>run-time-factor</c> × work units ÷ the
    /// provider's benchmark score, plus the model-loading allowance) and was stopped. A job fault.
    /// </summary>
    RunTimeExceeded = 210,

    /// <summary>
    /// The run needed more memory than its <c>JobLimits.MemoryBytes</c> (the job's minimum memory), or the runtime
    /// could not allocate what the model asked for, and was stopped. A job fault.
    /// </summary>
    MemoryLimitExceeded = 211,

    /// <summary>The sandbox's worker process died while running the job, twice, each time in a fresh worker. A job fault.</summary>
    WorkerCrashed = 212,

    /// <summary>The model blob is larger than <c>JobLimits.MaxModelBytes</c> (<c>market.max-model-bytes</c>). A job fault.</summary>
    ModelTooLarge = 213,

    /// <summary>The input blob is larger than <c>JobLimits.MaxInputBytes</c> (<c>market.max-input-bytes</c>). A job fault.</summary>
    InputTooLarge = 214,

    /// <summary>
    /// A blob the job names could not be found anywhere on the network for more than half of the slot's deadline. A job
    /// fault: the client never uploaded it.
    /// </summary>
    BlobUnavailable = 215,

    /// <summary>
    /// The sandbox's worker process cannot be started, or does not answer its handshake. The provider's own problem, not
    /// a job fault: it commits nothing and retries later.
    /// </summary>
    WorkerUnavailable = 216,

    /// <summary>
    /// The provider's own blob store cannot read a blob it holds or write an output (a disk or permission error). The
    /// provider's own problem, not a job fault: it commits nothing and retries later.
    /// </summary>
    BlobStoreFailed = 217,

    /// <summary>The model bytes are not a parseable ONNX <c>ModelProto</c> with a graph.</summary>
    ModelUnparseable = 300,
}
