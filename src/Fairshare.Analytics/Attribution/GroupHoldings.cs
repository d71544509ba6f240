using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Attribution;

/// <summary>Holdings per group (<see cref="AccountDirectory.Group"/>), exact.</summary>
public static class GroupHoldings
{
    /// <summary>Sums the balances by group, largest group first; shares of the total (0 when the total is 0).</summary>
    public static ImmutableArray<GroupHolding> Compute(IEnumerable<(Address Account, BigInteger Balance)> balances, AccountDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(balances);
        ArgumentNullException.ThrowIfNull(directory);
        var sums = new Dictionary<string, (int Accounts, BigInteger Amount)>(StringComparer.Ordinal);
        var total = BigInteger.Zero;
        foreach (var (account, balance) in balances)
        {
            var group = directory.Group(account);
            var (n, sum) = sums.GetValueOrDefault(group);
            sums[group] = (n + 1, sum + balance);
            total += balance;
        }

        return [.. sums.OrderByDescending(s => s.Value.Amount).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => new GroupHolding(
            s.Key, s.Value.Accounts, s.Value.Amount, total.IsZero ? 0 : new Concentration.Fraction(s.Value.Amount, total).ToDouble()))];
    }
}
