namespace Fairshare.Compute;

/// <summary>
/// Why a compute operation failed. The numbers are stable (job results, logs and the provider agent carry them):
/// never renumber or reuse a value, only add. Ranges: 1xx tensor blobs and job items, 2xx job runtime, 3xx model
/// graph, 4xx NumPy <c>.npy</c>/<c>.npz</c> files, 5xx inputs against a model's signature.
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

    /// <summary>A bool element's byte is neither 0 nor 1 (the encoding is canonical).</summary>
    BlobBadBool = 111,

    /// <summary>A version 2 blob's layout byte is not a known <c>JobLayout</c>.</summary>
    BlobUnknownLayout = 112,

    /// <summary>A version 2 blob records a fault and still holds items.</summary>
    BlobFaultWithItems = 113,

    /// <summary>
    /// A version 2 blob's item count is wrong: none without a fault, more than <c>JobTensors.MaxItems</c>, or not
    /// exactly one for the <c>Single</c> layout.
    /// </summary>
    BlobBadItemCount = 114,

    /// <summary>An item name is longer than <c>TensorBlob.MaxNameBytes</c> or not valid UTF-8.</summary>
    BlobBadItemName = 115,

    /// <summary>Two items share a name.</summary>
    BlobDuplicateItemName = 116,

    /// <summary>A <c>Stacked</c> item is not named after its index ("0", "1", … in order).</summary>
    BlobStackedItemName = 117,

    /// <summary>A version 2 blob holds what must be written as version 1 (one unnamed item, no fault).</summary>
    BlobNotCanonical = 118,

    /// <summary>Nothing to split or stack: no tensors, no items, or a batch axis of length 0.</summary>
    BatchEmpty = 120,

    /// <summary>
    /// The tensors do not line up along the batch axis: a scalar, different lengths of axis 0, or items whose tensors
    /// differ in name, element type or shape.
    /// </summary>
    BatchShapeMismatch = 121,

    /// <summary>The batch axis is longer than <c>JobTensors.MaxItems</c>.</summary>
    BatchTooManyItems = 122,

    /// <summary>Stacking would give a tensor of rank above <c>TensorBlob.MaxRank</c>.</summary>
    BatchRankTooLarge = 123,

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

    /// <summary>
    /// The run completed but its output is larger than <c>JobLimits.MaxOutputBytes</c> (the largest blob the network
    /// stores: the larger of <c>market.max-model-bytes</c> and <c>market.max-input-bytes</c>), so no provider could
    /// deliver it. A job fault.
    /// </summary>
    OutputTooLarge = 218,

    /// <summary>The model bytes are not a parseable ONNX <c>ModelProto</c> with a graph.</summary>
    ModelUnparseable = 300,

    /// <summary>
    /// A tensor somewhere in the model (an initializer, a Constant node, a subgraph, a function) keeps its data in an
    /// external file: loading it would make a provider read files named by a stranger.
    /// </summary>
    ModelExternalData = 301,

    /// <summary>
    /// An operator from a domain the providers' runtime has no kernels for (providers load no custom operator
    /// libraries), or one the runtime cannot run at the model's opset.
    /// </summary>
    ModelUnsupportedOperator = 302,

    /// <summary>An operator type in the <c>ai.onnx</c> or <c>ai.onnx.ml</c> domain that ONNX does not define.</summary>
    ModelUnknownOperator = 303,

    /// <summary>The model imports an opset version the providers' runtime does not support.</summary>
    ModelUnsupportedOpset = 304,

    /// <summary>The model's IR version is newer than the providers' runtime reads.</summary>
    ModelUnsupportedIrVersion = 305,

    /// <summary>A model input or output is not a tensor of a supported element type (strings, sequences, maps, …).</summary>
    ModelUnsupportedType = 306,

    /// <summary>The model has no inputs (other than initializers) for a job to feed.</summary>
    ModelNoInputs = 307,

    /// <summary>The model has no outputs.</summary>
    ModelNoOutputs = 308,

    /// <summary>The model's graph has a cycle, so its nodes have no order to run in.</summary>
    ModelCyclic = 309,

    /// <summary>The file does not start with the <c>.npy</c> magic bytes <c>\x93NUMPY</c>.</summary>
    NpyBadMagic = 400,

    /// <summary>The <c>.npy</c> format version is not 1.0, 2.0 or 3.0.</summary>
    NpyUnsupportedVersion = 401,

    /// <summary>The <c>.npy</c> file ends inside its header or its data.</summary>
    NpyTruncated = 402,

    /// <summary>
    /// The <c>.npy</c> header is not the dictionary numpy writes: exactly the keys <c>descr</c>, <c>fortran_order</c>
    /// and <c>shape</c> with a string, a bool and a tuple of integers.
    /// </summary>
    NpyMalformedHeader = 403,

    /// <summary>The array holds Python objects (<c>|O</c>), which only pickle can read.</summary>
    NpyObjectArray = 404,

    /// <summary>The dtype is structured (a list of fields).</summary>
    NpyStructuredDtype = 405,

    /// <summary>The dtype is a byte string or unicode string (<c>S</c>, <c>a</c>, <c>U</c>).</summary>
    NpyStringDtype = 406,

    /// <summary>The dtype is none of the numeric types a tensor carries (complex, datetime, float128, …).</summary>
    NpyUnsupportedDtype = 407,

    /// <summary>Bytes follow the array's data.</summary>
    NpyTrailingBytes = 408,

    /// <summary>The array's element count or byte size overflows.</summary>
    NpySizeOverflow = 409,

    /// <summary>A bool element's byte is neither 0 nor 1.</summary>
    NpyBadBool = 410,

    /// <summary>The array's rank exceeds <c>TensorBlob.MaxRank</c>.</summary>
    NpyRankTooLarge = 411,

    /// <summary>The <c>.npz</c> bytes are not a zip archive this program can read (corrupt, encrypted, an unknown compression).</summary>
    NpzCorrupt = 420,

    /// <summary>An <c>.npz</c> entry's name does not end in <c>.npy</c>.</summary>
    NpzNotNpy = 421,

    /// <summary>Two <c>.npz</c> entries give the same array name.</summary>
    NpzDuplicateName = 422,

    /// <summary>An <c>.npz</c> array name is empty or longer than <c>TensorBlob.MaxNameBytes</c> in UTF-8.</summary>
    NpzBadName = 423,

    /// <summary>The <c>.npz</c> archive holds more than <c>TensorBlob.MaxTensors</c> arrays.</summary>
    NpzTooManyArrays = 424,

    /// <summary>An input tensor's name is not one of the model's inputs.</summary>
    InputUnknownName = 500,

    /// <summary>A model input has no tensor.</summary>
    InputMissing = 501,

    /// <summary>An input tensor's element type differs from the model input's.</summary>
    InputWrongType = 502,

    /// <summary>An input tensor's rank differs from the model input's.</summary>
    InputWrongRank = 503,

    /// <summary>An input tensor's size along a fixed dimension differs from the model's.</summary>
    InputWrongDimension = 504,

    /// <summary>A symbolic dimension is bound to two different sizes across the input tensors.</summary>
    InputSymbolMismatch = 505,

    /// <summary>Two input tensors share a name.</summary>
    InputDuplicateName = 506,
}
