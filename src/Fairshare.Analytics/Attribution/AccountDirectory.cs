using System.Collections.Immutable;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Attribution;

/// <summary>
/// Who each account is: its genesis <see cref="Cohort"/>, its <see cref="AccountRole"/>s, and names for protocol
/// accounts (treasury, escrows). <see cref="Group"/> puts every account in exactly one group, by precedence: the zero
/// address is "mint/burn"; a named account its name; a genesis cohort its cohort (founders, investors, …; module
/// accounts "modules"); then whales, providers, lps, clients; everything else "others". <see cref="RolesOf"/> is
/// the overlapping view (a provider can be a client and a whale). Pass-through accounts earn nothing (<see cref="IsPassThrough"/>).
/// </summary>
public sealed class AccountDirectory(
    IReadOnlyDictionary<Address, Cohort> cohorts,
    IReadOnlyDictionary<Address, AccountRole> roles,
    IReadOnlyDictionary<Address, string> names,
    IReadOnlySet<Address>? passThrough = null)
{
    /// <summary>The group of the zero address: value created or destroyed.</summary>
    public const string MintBurn = "mint/burn";

    /// <summary>The role groups in precedence order, with their labels.</summary>
    public static ImmutableArray<(AccountRole Role, string Label)> RoleLabels { get; } =
        [(AccountRole.Whale, "whales"), (AccountRole.Provider, "providers"), (AccountRole.LiquidityProvider, "lps"), (AccountRole.Client, "clients")];

    /// <summary>A directory that knows nobody: every account is "others" (the zero address "mint/burn").</summary>
    public static AccountDirectory Empty { get; } = new(new Dictionary<Address, Cohort>(), new Dictionary<Address, AccountRole>(), new Dictionary<Address, string>());

    /// <summary>
    /// Whether the account only passes value on (the market's escrow and dispute accounts): what reaches it is not
    /// income, or slashed stake would count twice, once arriving and once leaving for the treasury or the arbiters.
    /// </summary>
    public bool IsPassThrough(Address account) => passThrough?.Contains(account) ?? false;

    /// <summary>The account's genesis cohort (None when untagged).</summary>
    public Cohort CohortOf(Address account) => cohorts.GetValueOrDefault(account);

    /// <summary>The account's roles.</summary>
    public AccountRole RolesOf(Address account) => roles.GetValueOrDefault(account);

    /// <summary>Every account that holds <paramref name="role"/>, in address order.</summary>
    public IReadOnlyList<Address> WithRole(AccountRole role) => [.. roles.Where(r => (r.Value & role) != 0).Select(r => r.Key).Order()];

    /// <summary>The one group the account is counted in (see the class summary).</summary>
    public string Group(Address account)
    {
        if (account == default) return MintBurn;
        if (names.TryGetValue(account, out var name)) return name;
        var cohort = CohortOf(account);
        if (cohort == Cohort.Module) return "modules";
        if (cohort != Cohort.None) return cohort.ToString().ToLowerInvariant();
        var role = RolesOf(account);
        foreach (var (r, label) in RoleLabels)
        {
            if ((role & r) != 0) return label;
        }

        return "others";
    }
}
