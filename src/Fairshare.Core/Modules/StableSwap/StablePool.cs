using System.Collections.Immutable;
using System.Numerics;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.StableSwap;

/// <summary>
/// A Curve plain pool on the ledger. Its coins are the balances of <see cref="StablePools.Account"/>; <see cref="Balances"/>
/// are Curve's internal <c>balances</c>, which exclude admin fees: the module pays every admin fee to the treasury in
/// the same step, so after each transaction the account holds exactly these balances. LP shares are the ledger asset
/// <see cref="LpAsset"/>, whose supply is the pool's <c>token.totalSupply()</c>.
/// </summary>
/// <param name="Id">The pool id.</param>
/// <param name="Assets">The coins, in the pool's index order (2 or 3).</param>
/// <param name="Decimals">Each coin's decimals (precision_mul = 10^(18 − decimals)).</param>
/// <param name="LpAsset">The LP share asset.</param>
/// <param name="Balances">Curve's stored balances, one per coin, in the coin's own units.</param>
/// <param name="Amp">The precise amplification A × A_PRECISION.</param>
/// <param name="Fee">The swap fee, a fraction of 10^10.</param>
/// <param name="AdminFee">The treasury's share of fees, a fraction of 10^10.</param>
public sealed record StablePool(
    uint Id,
    ImmutableArray<AssetId> Assets,
    ImmutableArray<byte> Decimals,
    AssetId LpAsset,
    ImmutableArray<Amount> Balances,
    uint Amp,
    ulong Fee,
    ulong AdminFee)
{
    /// <summary>The most coins a pool holds.</summary>
    public const int MaxCoins = 3;

    /// <summary>The pool as the math sees it, with <paramref name="lpSupply"/> as the LP token supply.</summary>
    public StableSwapPool ToMath(Amount lpSupply) => new(
        Balances.Select(b => b.ToBigInteger()).ToArray(),
        Decimals.Select(d => BigInteger.Pow(10, 18 - d)).ToArray(),
        Amp, Fee, AdminFee, lpSupply.ToBigInteger());

    /// <summary>This pool with the balances of a math result.</summary>
    public StablePool WithBalances(StableSwapPool math) =>
        this with { Balances = [.. math.Balances.Select(StableSwapModule.ToAmount)] };

    /// <summary>Canonical bytes of the record.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(256);
        writer.WriteU32(Id);
        writer.WriteVarUInt((ulong)Assets.Length);
        for (int k = 0; k < Assets.Length; k++)
        {
            writer.WriteU32(Assets[k].Value);
            writer.WriteU8(Decimals[k]);
            writer.WriteAmount(Balances[k]);
        }

        writer.WriteU32(LpAsset.Value);
        writer.WriteU32(Amp);
        writer.WriteU64(Fee);
        writer.WriteU64(AdminFee);
        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; stored state that does not decode is a bug.</summary>
    public static StablePool Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CanonicalReader(bytes);
        uint id = reader.ReadU32();
        int n = reader.ReadLength(MaxCoins);
        var assets = ImmutableArray.CreateBuilder<AssetId>(n);
        var decimals = ImmutableArray.CreateBuilder<byte>(n);
        var balances = ImmutableArray.CreateBuilder<Amount>(n);
        for (int k = 0; k < n && reader.Ok; k++)
        {
            assets.Add(new AssetId(reader.ReadU32()));
            decimals.Add(reader.ReadU8());
            balances.Add(reader.ReadAmount());
        }

        var lpAsset = new AssetId(reader.ReadU32());
        uint amp = reader.ReadU32();
        ulong fee = reader.ReadU64();
        ulong adminFee = reader.ReadU64();
        reader.ExpectEnd();
        return reader.Ok
            ? new StablePool(id, assets.ToImmutable(), decimals.ToImmutable(), lpAsset, balances.ToImmutable(), amp, fee, adminFee)
            : throw new InvalidOperationException($"stored StableSwap pool does not decode: {reader.Error}");
    }
}
