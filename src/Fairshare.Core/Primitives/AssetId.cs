namespace Fairshare.Core.Primitives;

/// <summary>Identifies an asset on the ledger. 0 is FSH, 1 is USDF; modules register more (LP shares, market shares).</summary>
public readonly record struct AssetId(uint Value) : IComparable<AssetId>
{
    /// <summary>The native token.</summary>
    public static AssetId Fsh => new(0);

    /// <summary>The stablecoin, minted and burned only by its registered issuer.</summary>
    public static AssetId Usdf => new(1);

    /// <inheritdoc/>
    public int CompareTo(AssetId other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
