using System.Collections.Frozen;
using Fairshare.Client.Dto;

namespace Fairshare.Client;

/// <summary>
/// The catalog of the API's problem types (RFC 9457): every error code a node answers with, and the SDK's own, with the
/// title each occurrence carries. A problem's <c>type</c> is <c>/errors/{code}</c>, a path every node serves
/// (<c>GET /errors/{code}</c> answers the entry). docs/api.md lists the same table (a test compares them).
/// </summary>
public static class ApiErrorTypes
{
    /// <summary>The path under which each code's type lives: <c>/errors/</c>.</summary>
    public const string TypePrefix = "/errors/";

    /// <summary>RFC 9457's type of a problem with no meaning beyond its HTTP status (a code outside the catalog).</summary>
    public const string Blank = "about:blank";

    /// <summary>Every problem type, by status, then code.</summary>
    public static IReadOnlyList<ApiErrorType> All { get; } =
    [
        new("bad_address", 400, "Not an address", "a route or query value is not an address: fs1 followed by 48 hex digits"),
        new("bad_asset", 400, "Not an asset", "asset is neither an asset id nor a known symbol, or is given for a population that is always FSH"),
        new("bad_encoding", 400, "Does not decode", "a transaction is not base64 or does not decode (the detail says which index), or a key or signature is not hex of its length"),
        new("bad_hash", 400, "Not a hash", "a route value is not a SHA-256 hash: 64 lower-case hex digits"),
        new("bad_height", 400, "Not a block height", "a route or query value is neither a whole number nor 'latest'"),
        new("bad_job_id", 400, "Not a job id", "a job id is not a whole number"),
        new("bad_limit", 400, "Limit out of range", "limit is not a whole number from 1 to 10000"),
        new("bad_of", 400, "Unknown population", "of is missing or names a population the route does not measure"),
        new("bad_points", 400, "Points out of range", "points is not a whole number from 2 to 200"),
        new("bad_request", 400, "Malformed request", "the request could not be read as HTTP asked (a broken body or header); the detail says what"),
        new("bad_signature", 400, "Not a validator's signature", "a header signature is not a validator's, or not valid for the stored header"),
        new("bad_status", 400, "Not a job state", "status is not a JobState name (Open, Running, Disputed, Settled, Failed, Cancelled)"),
        new("bad_tag", 400, "Not a flow tag", "tag is not a FlowTag name (JobPayment or job-payment, …)"),
        new("malformed_json", 400, "Malformed JSON body", "the body is not JSON of the expected shape (numbers must be JSON numbers, not strings)"),
        new("no_transactions", 400, "No transactions", "a submission holds no transaction"),
        new("too_many_transactions", 400, "Too many transactions", "a submission holds more transactions than one request may (50,000 by default)"),
        new("blob_not_found", 404, "Blob not found", "no validator of the cluster holds a blob with that address"),
        new("block_not_found", 404, "Block not found", "no block is stored at that height (yet); height 0 is the genesis"),
        new("error_type_not_found", 404, "Problem type not found", "GET /errors/{code} names a code outside the catalog; GET /errors lists them all"),
        new("job_not_found", 404, "Job not found", "there is no compute job with that id"),
        new("tx_not_found", 404, "Transaction not found", "no committed transaction with that id is indexed (yet)"),
        new("unknown_block", 404, "Unknown block", "a signature names a height this node has no block at yet; send it again later"),
        new("unknown_route", 404, "No such route", "no route has that path; the routes are listed at /openapi/v1.json and /reference"),
        new("method_not_allowed", 405, "Method not allowed", "the route exists for other methods"),
        new("blob_too_large", 413, "Blob too large", "a blob larger than the chain stores (the larger of market.max-model-bytes and market.max-input-bytes)"),
        new("body_too_large", 413, "Body too large", "a body over the route's limit: 8 MiB by default, 256 MiB for blobs"),
        new("unsupported_media_type", 415, "Unsupported media type", "the body is not of the type the route reads: application/json, or application/octet-stream for blobs"),
        new("rate_limited", 429, "Rate limited", "more requests, or signature checks, than this client's address may have now; wait as Retry-After says"),
        new("internal", 500, "Internal error", "a bug in the node: the details are in its log, never in the answer"),
        new("no_index", 501, "No index", "the node keeps no index (transactions by id, flows, provider income); ask one started with --index"),
        new("busy", 503, "Mempool full", "the leader's mempool is full; retry after Retry-After"),
        new("leader_unreachable", 503, "Leader unreachable", "the leader did not answer the forwarded request; retry after Retry-After"),
        new("no_head_block", 503, "No block at the head", "the node adopted a snapshot and holds no block at its head until its next one; retry after Retry-After"),
        new("no_leader", 503, "No leader", "no leader is known (an election is under way); retry after Retry-After"),
        new("blob_store_full", 507, "Blob store full", "the upload does not fit in this node's blob store even after evicting every blob no job needs; the detail gives the figures: try another validator, or later"),
        new("blob_corrupt", 0, "Blob corrupt", "the SDK's own: a blob the node sent does not hash to its address; try another node"),
        new("malformed_response", 0, "Malformed response", "the SDK's own: the node's answer could not be read (another version, or not a Fairshare node)"),
        new("state_unverified", 0, "State unverified", "the SDK's own: a state or account proof does not match its signed block; try another node"),
        new("unreachable", 0, "Node unreachable", "the SDK's own: no answer came from the node (not running, wrong URL, or timed out)"),
    ];

    private static readonly FrozenDictionary<string, ApiErrorType> ByCode = All.ToFrozenDictionary(t => t.Code, StringComparer.Ordinal);

    /// <summary>The problem type of <paramref name="code"/>, or null when the catalog has none.</summary>
    public static ApiErrorType? Find(string code) => ByCode.GetValueOrDefault(code);
}
