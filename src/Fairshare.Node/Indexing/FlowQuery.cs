using Fairshare.Core.Primitives;

namespace Fairshare.Node.Indexing;

/// <summary>
/// Which flows to return: heights in [<see cref="FromHeight"/>, <see cref="ToHeight"/>], optionally only those touching
/// <see cref="Account"/> (as sender or receiver), of one <see cref="Tag"/>, or of one <see cref="Asset"/>.
/// </summary>
public sealed record FlowQuery(ulong FromHeight = 0, ulong ToHeight = ulong.MaxValue, Address? Account = null, FlowTag? Tag = null, AssetId? Asset = null, int Limit = 10_000);
