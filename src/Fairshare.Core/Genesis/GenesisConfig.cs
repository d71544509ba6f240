using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Genesis;

/// <summary>The parsed genesis file. Its hash (SHA-256 of the canonical encoding) is the hash of block 0.</summary>
public sealed record GenesisConfig(
    string ChainId,
    ulong GenesisTimeMs,
    ImmutableArray<GenesisAsset> Assets,
    Amount MinFee,
    ushort FeeValidatorBps,
    Address Treasury,
    ImmutableArray<PublicKey> Validators,
    ImmutableArray<GenesisAllocation> Allocations)
{
    /// <summary>Module parameters the chain starts with (governance names); empty = every module's defaults.</summary>
    public ImmutableArray<GenesisParameter> Parameters { get; init; } = [];

    /// <summary>SHA-256 of the canonical encoding.</summary>
    public Hash32 Hash()
    {
        var writer = new CanonicalWriter(4096);
        writer.WriteRaw("fairshare/genesis/v1\0"u8);
        writer.WriteString(ChainId);
        writer.WriteU64(GenesisTimeMs);
        writer.WriteVarUInt((ulong)Assets.Length);
        foreach (var asset in Assets)
        {
            writer.WriteU32(asset.Id.Value);
            writer.WriteString(asset.Symbol);
            writer.WriteU8(asset.Decimals);
            writer.WriteBool(asset.Issuer is not null);
            if (asset.Issuer is { } issuer) writer.WriteAddress(issuer);
        }

        writer.WriteAmount(MinFee);
        writer.WriteU16(FeeValidatorBps);
        writer.WriteAddress(Treasury);
        writer.WriteVarUInt((ulong)Validators.Length);
        foreach (var validator in Validators) writer.WriteRaw(validator.Bytes);
        writer.WriteVarUInt((ulong)Allocations.Length);
        foreach (var allocation in Allocations)
        {
            writer.WriteAddress(allocation.Address);
            writer.WriteU8((byte)allocation.Cohort);
            writer.WriteString(allocation.Label);
            writer.WriteAmount(allocation.Amount);
            writer.WriteBool(allocation.Vesting is not null);
            if (allocation.Vesting is { } vesting)
            {
                writer.WriteU64(vesting.StartHeight);
                writer.WriteU64(vesting.CliffBlocks);
                writer.WriteU64(vesting.DurationBlocks);
            }
        }

        // Appended only when present, so genesis files without parameters keep their hash.
        if (!Parameters.IsEmpty)
        {
            writer.WriteVarUInt((ulong)Parameters.Length);
            foreach (var parameter in Parameters)
            {
                writer.WriteString(parameter.Name);
                writer.WriteAmount(parameter.Value);
            }
        }

        return Hash32.Compute(writer.WrittenSpan);
    }
}
