using Fairshare.Node.Indexing;

namespace Fairshare.Server.Http;

/// <summary>The node's read-side index, or null when it keeps none (a DI singleton cannot be null).</summary>
internal sealed record IndexHolder(IChainIndex? Index);
