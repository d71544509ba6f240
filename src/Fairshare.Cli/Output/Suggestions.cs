namespace Fairshare.Cli.Output;

/// <summary>"Did you mean …?": the known name nearest to one that names nothing, by edit distance.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate with the smallest case-insensitive edit distance to <paramref name="text"/> (the first of equals),
    /// or null when there are none or the nearest differs in more than <paramref name="maxDistance"/> edits.
    /// </summary>
    public static string? Closest(string text, IEnumerable<string> candidates, int maxDistance = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(candidates);
        string lower = text.ToLowerInvariant();
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            int distance = EditDistance(lower, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= maxDistance ? best : null;
    }

    /// <summary>The Levenshtein distance: the fewest insertions, deletions and substitutions that turn one into the other.</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
