using System.Collections.Immutable;

namespace Fairshare.Compute.Hardware;

/// <summary>The machine a provider offers: what the market's offer and the job matcher need to know.</summary>
/// <param name="CpuModel">The CPU's model name.</param>
/// <param name="LogicalCores">Logical cores this process may use (at least 1).</param>
/// <param name="MemoryMb">Total RAM in MiB (0 when unknown).</param>
/// <param name="Gpus">The NVIDIA GPUs found (empty without <c>nvidia-smi</c>, which is normal).</param>
/// <param name="Avx2">Whether the CPU has AVX2.</param>
/// <param name="Avx512">Whether the CPU has AVX-512F.</param>
public sealed record HardwareProfile(string CpuModel, int LogicalCores, long MemoryMb, ImmutableArray<GpuInfo> Gpus, bool Avx2, bool Avx512)
{
    /// <summary>Whether at least one GPU was found.</summary>
    public bool HasGpu => !Gpus.IsDefaultOrEmpty;

    /// <summary>
    /// One line for an offer's hardware field, e.g. <c>AMD EPYC, 2 cores, 23 GiB, AVX-512</c> or
    /// <c>… , 1× NVIDIA H200 (140 GiB)</c>, then <paramref name="extras"/> (e.g. the execution providers that load);
    /// cut to <paramref name="maxBytes"/> UTF-8 bytes, never inside a character.
    /// </summary>
    public string Summary(int maxBytes = 96, IEnumerable<string>? extras = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        var parts = new List<string> { CpuModel, $"{LogicalCores} cores", $"{MemoryMb / 1024} GiB" };
        if (Avx512) parts.Add("AVX-512");
        else if (Avx2) parts.Add("AVX2");
        parts.AddRange(Gpus.GroupBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => $"{g.Count()}× {g.Key} ({g.First().MemoryMb / 1024} GiB)"));
        if (extras is not null) parts.AddRange(extras);
        return CutUtf8(string.Join(", ", parts), maxBytes);
    }

    /// <summary>The longest prefix of <paramref name="text"/> whose UTF-8 encoding fits <paramref name="maxBytes"/>, whole characters only.</summary>
    public static string CutUtf8(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        int bytes = 0, chars = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > maxBytes) break;
            bytes += rune.Utf8SequenceLength;
            chars += rune.Utf16SequenceLength;
        }

        return text[..chars];
    }
}
