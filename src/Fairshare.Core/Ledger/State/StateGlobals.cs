using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>
/// The part of the state root that is neither accounts nor module records: the registered assets in id order, the
/// governed parameters and the validator set, as <see cref="LedgerState.EncodeGlobals"/> writes them.
/// </summary>
/// <param name="Assets">Registered assets, by ascending id.</param>
/// <param name="Params">Governed ledger parameters.</param>
/// <param name="Validators">Validators allowed to propose and sign blocks.</param>
public sealed record StateGlobals(ImmutableArray<AssetInfo> Assets, ChainParams Params, ImmutableArray<PublicKey> Validators)
{
    /// <summary>The most assets a globals encoding may list.</summary>
    public const int MaxAssets = 1 << 20;

    /// <summary>The most validators a globals encoding may list.</summary>
    public const int MaxValidators = 1024;

    /// <summary>The largest asset symbol, in UTF-8 bytes.</summary>
    public const int MaxSymbolBytes = 64;

    /// <summary>The globals of a state.</summary>
    public static StateGlobals Of(LedgerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new StateGlobals([.. state.Assets], state.Params, state.Validators);
    }

    /// <summary>The asset, or null when not registered.</summary>
    public AssetInfo? FindAsset(AssetId asset)
    {
        foreach (var info in Assets)
        {
            if (info.Id == asset) return info;
        }

        return null;
    }

    /// <summary>Decodes exactly one globals encoding (nothing may follow it).</summary>
    public static ResultCode TryDecode(ReadOnlySpan<byte> bytes, out StateGlobals? globals) => CanonicalReader.DecodeExactlyOne(bytes, Read, out globals);

    /// <summary>
    /// Reads a globals encoding; null when the reader failed. Asset ids must rise strictly (the state keeps them
    /// sorted), so each encoding has one meaning.
    /// </summary>
    public static StateGlobals? Read(ref CanonicalReader reader)
    {
        int assetCount = reader.ReadLength(MaxAssets, ResultCode.TooManyItems);
        var assets = ImmutableArray.CreateBuilder<AssetInfo>(assetCount);
        for (int i = 0; i < assetCount && reader.Ok; i++)
        {
            var id = new AssetId(reader.ReadU32());
            var symbol = reader.ReadString(MaxSymbolBytes);
            var decimals = reader.ReadU8();
            var supply = reader.ReadAmount();
            Address? issuer = reader.ReadBool() ? reader.ReadAddress() : null;
            if (reader.Ok && i > 0 && assets[i - 1].Id.Value >= id.Value) reader.Fail(ResultCode.InvalidValue);
            if (reader.Ok) assets.Add(new AssetInfo(id, symbol, decimals, supply, issuer));
        }

        var parameters = new ChainParams(reader.ReadAmount(), reader.ReadU16(), reader.ReadAddress());
        int validatorCount = reader.ReadLength(MaxValidators, ResultCode.TooManyItems);
        var validators = ImmutableArray.CreateBuilder<PublicKey>(validatorCount);
        for (int i = 0; i < validatorCount && reader.Ok; i++)
        {
            var key = reader.ReadRaw(PublicKey.Size);
            if (reader.Ok) validators.Add(new PublicKey(key));
        }

        return reader.Ok ? new StateGlobals(assets.MoveToImmutable(), parameters, validators.MoveToImmutable()) : null;
    }
}
