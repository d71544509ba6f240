using Fairshare.Core.Primitives;

namespace Fairshare.Node.Cluster;

/// <summary>
/// The heights of recently committed transactions by id (the newest <c>capacity</c> or so), so a duplicate
/// submission is answered with its committed outcome instead of executing again. Thread-safe.
/// </summary>
internal sealed class RecentCommits(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Hash32, ulong> _heights = [];
    private readonly Queue<(ulong Height, Hash32[] Ids)> _blocks = new();

    public void Add(ulong height, Hash32[] ids)
    {
        lock (_lock)
        {
            foreach (var id in ids) _heights[id] = height;
            _blocks.Enqueue((height, ids));
            while (_heights.Count > capacity && _blocks.TryDequeue(out var oldest))
            {
                foreach (var id in oldest.Ids)
                {
                    if (_heights.TryGetValue(id, out var h) && h == oldest.Height) _heights.Remove(id);
                }
            }
        }
    }

    public ulong? HeightOf(Hash32 id)
    {
        lock (_lock) return _heights.TryGetValue(id, out var height) ? height : null;
    }
}
