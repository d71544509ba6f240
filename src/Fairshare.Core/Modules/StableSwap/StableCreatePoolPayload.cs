using System.Collections.Immutable;
using Fairshare.Core.Encoding;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>Creates an empty StableSwap pool of <paramref name="Assets"/> (2 or 3, in index order) with amplification
/// <paramref name="A"/> (0: the governed default) and its LP share asset.</summary>
public sealed record StableCreatePoolPayload(ImmutableArray<AssetId> Assets, uint A) : ModulePayload
{
    /// <inheritdoc/>
    public override TxKind Kind => TxKind.StableCreatePool;

    /// <inheritdoc/>
    protected override void EncodeFields(CanonicalWriter writer)
    {
        StableCoinLists.WriteAssets(writer, Assets);
        writer.WriteU32(A);
    }

    /// <summary>Reads the fields.</summary>
    public static ModulePayload? Read(ref CanonicalReader reader)
    {
        var assets = StableCoinLists.ReadAssets(ref reader);
        uint a = reader.ReadU32();
        return reader.Ok ? new StableCreatePoolPayload(assets, a) : null;
    }

    /// <inheritdoc/>
    protected override ResultCode Execute(TxContext context) => StableSwapModule.CreatePool(context, Assets, A, out _);

    /// <inheritdoc/>
    public bool Equals(StableCreatePoolPayload? other) => other is not null && Assets.SequenceEqual(other.Assets) && A == other.A;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Assets.Length, A);
}
