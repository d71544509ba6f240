namespace Fairshare.Dashboard.Tests.Support;

/// <summary>The tests that share one <see cref="DashboardFixture"/> (one node, one browser).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "dashboard";
}
