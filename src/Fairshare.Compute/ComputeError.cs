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

    /// <summary>The model bytes are not a parseable ONNX <c>ModelProto</c> with a graph.</summary>
    ModelUnparseable = 300,
}
