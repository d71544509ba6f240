using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Market;

/// <summary>What a provider offers the market: its hardware profile, measured speed, price, capacity and energy data.</summary>
/// <param name="Device">CPU or GPU.</param>
/// <param name="MemoryMb">Memory available to one job, in MiB.</param>
/// <param name="BenchmarkScore">Work units per second, measured by the Compute benchmark.</param>
/// <param name="PricePerWorkUnit">FSH base units asked per work unit.</param>
/// <param name="Capacity">Slots it runs at once.</param>
/// <param name="Region">Where it runs (at most 16 printable ASCII characters).</param>
/// <param name="GramsCo2PerKwh">Carbon intensity of its power.</param>
/// <param name="RenewablePercent">Renewable share of its power, 0 to 100.</param>
/// <param name="Hardware">A description such as "AMD EPYC 9R14, 2 cores, 24 GiB" (at most 96 bytes of UTF-8).</param>
public sealed record ProviderOffer(
    DeviceClass Device,
    uint MemoryMb,
    ulong BenchmarkScore,
    Amount PricePerWorkUnit,
    ushort Capacity,
    string Region,
    uint GramsCo2PerKwh,
    byte RenewablePercent,
    string Hardware)
{
    /// <summary>The longest region, in ASCII characters.</summary>
    public const int MaxRegionLength = 16;

    /// <summary>The longest hardware description, in UTF-8 bytes.</summary>
    public const int MaxHardwareBytes = 96;

    /// <summary>Whether every field is in range (else <see cref="ResultCode.MarketBadOffer"/>).</summary>
    public bool IsValid =>
        Device is DeviceClass.Cpu or DeviceClass.Gpu
        && BenchmarkScore > 0
        && !PricePerWorkUnit.IsZero
        && Capacity > 0
        && Region.Length <= MaxRegionLength
        && Region.All(c => c is >= ' ' and <= '~')
        && RenewablePercent <= 100
        && System.Text.Encoding.UTF8.GetByteCount(Hardware) <= MaxHardwareBytes;

    /// <summary>Writes the offer.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteU8((byte)Device);
        writer.WriteU32(MemoryMb);
        writer.WriteU64(BenchmarkScore);
        writer.WriteAmount(PricePerWorkUnit);
        writer.WriteU16(Capacity);
        writer.WriteString(Region);
        writer.WriteU32(GramsCo2PerKwh);
        writer.WriteU8(RenewablePercent);
        writer.WriteString(Hardware);
    }

    /// <summary>Reads an offer (check <see cref="CanonicalReader.Ok"/>); the region and hardware lengths are bounded here.</summary>
    public static ProviderOffer Read(ref CanonicalReader reader) => new(
        (DeviceClass)reader.ReadU8(),
        reader.ReadU32(),
        reader.ReadU64(),
        reader.ReadAmount(),
        reader.ReadU16(),
        reader.ReadString(MaxRegionLength),
        reader.ReadU32(),
        reader.ReadU8(),
        reader.ReadString(MaxHardwareBytes));
}
