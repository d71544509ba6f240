using System.Collections.Immutable;
using System.Numerics;

namespace Fairshare.Conformance.Reference;

/// <summary>
/// A MasterChef and the SUSHI token it mints (<c>defi-math.md</c> §5): pools, user records per pool and account, and
/// the SUSHI balances. Immutable: every transition in <see cref="MasterChef"/> returns a new state, so a revert leaves
/// the old one untouched.
/// </summary>
/// <param name="Config">The constructor parameters.</param>
/// <param name="TotalAllocPoint">The sum of the pools' allocation points.</param>
/// <param name="Pools">The pools, by pid.</param>
/// <param name="Users">User records, <c>Users[pid][account]</c>.</param>
/// <param name="SushiBalances">SUSHI held by each account.</param>
/// <param name="SushiDev">SUSHI held by the dev fund.</param>
/// <param name="SushiChef">SUSHI held by the chef (minted, not yet paid out).</param>
/// <param name="SushiTotalSupply">All SUSHI minted.</param>
public sealed record MasterChefState(
    MasterChefConfig Config,
    BigInteger TotalAllocPoint,
    ImmutableArray<ChefPool> Pools,
    ImmutableArray<ImmutableArray<ChefUser>> Users,
    ImmutableArray<BigInteger> SushiBalances,
    BigInteger SushiDev,
    BigInteger SushiChef,
    BigInteger SushiTotalSupply)
{
    /// <summary>A freshly deployed chef with no pools and <paramref name="accounts"/> accounts holding nothing.</summary>
    public static MasterChefState Initial(MasterChefConfig config, int accounts) =>
        new(config, 0, [], [], ImmutableArray.CreateRange(Enumerable.Repeat(BigInteger.Zero, accounts)), 0, 0, 0);

    /// <summary>The number of accounts.</summary>
    public int AccountCount => SushiBalances.Length;
}
