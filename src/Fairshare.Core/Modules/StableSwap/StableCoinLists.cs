using System.Collections.Immutable;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>The codec of the per-coin lists in StableSwap payloads: a length (at most <see cref="StablePool.MaxCoins"/>), then the items.</summary>
public static class StableCoinLists
{
    /// <summary>Writes a list of assets.</summary>
    public static void WriteAssets(CanonicalWriter writer, ImmutableArray<AssetId> assets)
    {
        writer.WriteVarUInt((ulong)assets.Length);
        foreach (var asset in assets) writer.WriteU32(asset.Value);
    }

    /// <summary>Reads a list of assets.</summary>
    public static ImmutableArray<AssetId> ReadAssets(ref CanonicalReader reader)
    {
        int length = reader.ReadLength(StablePool.MaxCoins, ResultCode.TooManyItems);
        var assets = ImmutableArray.CreateBuilder<AssetId>(length);
        for (int k = 0; k < length && reader.Ok; k++) assets.Add(new AssetId(reader.ReadU32()));
        return reader.Ok ? assets.MoveToImmutable() : [];
    }

    /// <summary>Writes a list of amounts.</summary>
    public static void WriteAmounts(CanonicalWriter writer, ImmutableArray<Amount> amounts)
    {
        writer.WriteVarUInt((ulong)amounts.Length);
        foreach (var amount in amounts) writer.WriteAmount(amount);
    }

    /// <summary>Reads a list of amounts.</summary>
    public static ImmutableArray<Amount> ReadAmounts(ref CanonicalReader reader)
    {
        int length = reader.ReadLength(StablePool.MaxCoins, ResultCode.TooManyItems);
        var amounts = ImmutableArray.CreateBuilder<Amount>(length);
        for (int k = 0; k < length && reader.Ok; k++) amounts.Add(reader.ReadAmount());
        return reader.Ok ? amounts.MoveToImmutable() : [];
    }
}
