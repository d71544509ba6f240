using Fairshare.Compute.Hardware;

namespace Fairshare.Compute.Tests.Hardware;

public sealed class HardwareProbeTests
{
    private const string X86CpuInfo = """
        processor	: 0
        vendor_id	: AuthenticAMD
        model name	: AMD EPYC 9R14 96-Core Processor
        flags		: fpu vme sse sse2 avx avx2 fma avx512f avx512dq sha_ni
        bugs		: sysret_ss_attrs

        processor	: 1
        vendor_id	: AuthenticAMD
        model name	: AMD EPYC 9R14 96-Core Processor
        flags		: fpu vme sse sse2 avx avx2 fma avx512f avx512dq sha_ni

        """;

    private const string ArmCpuInfo = """
        processor	: 0
        BogoMIPS	: 243.75
        Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics
        CPU implementer	: 0x41

        processor	: 1
        BogoMIPS	: 243.75
        Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics

        processor	: 2
        Features	: fp asimd
        """;

    [Fact]
    public void Cpuinfo_OfAnX86Machine_GivesModelCoresAndVectorFlags()
    {
        var cpu = HardwareProbe.ParseCpuInfo(X86CpuInfo);

        Assert.Equal(new CpuInfo("AMD EPYC 9R14 96-Core Processor", 2, Avx2: true, Avx512: true), cpu);
    }

    [Fact]
    public void Cpuinfo_WithoutModelNameOrAvx_IsUnknownWithoutAvx()
    {
        Assert.Equal(new CpuInfo("unknown", 3, Avx2: false, Avx512: false), HardwareProbe.ParseCpuInfo(ArmCpuInfo));
        Assert.Equal(new CpuInfo("unknown", 0, false, false), HardwareProbe.ParseCpuInfo(""));
    }

    [Fact]
    public void Avx2WithoutAvx512_IsToldApart()
    {
        var cpu = HardwareProbe.ParseCpuInfo("processor : 0\nmodel name : Intel Core i7\nflags : sse avx avx2 avx512_vnni\n");

        Assert.True(cpu.Avx2);
        Assert.False(cpu.Avx512);
    }

    [Fact]
    public void Meminfo_GivesTotalMemoryInMib()
    {
        const string meminfo = "MemTotal:       24684084 kB\nMemFree:        22682300 kB\nMemAvailable:   23911732 kB\n";

        Assert.Equal(24684084 / 1024, HardwareProbe.ParseMemInfo(meminfo));
        Assert.Equal(0, HardwareProbe.ParseMemInfo("MemFree: 12 kB\n"));
        Assert.Equal(0, HardwareProbe.ParseMemInfo("MemTotal: lots\n"));
    }

    [Fact]
    public void NvidiaSmiCsv_GivesOneGpuPerLine()
    {
        const string csv = "NVIDIA H200, 143771 MiB, 565.57.01\nNVIDIA GeForce RTX 4090, 24564 MiB, 550.54.14\n";

        var gpus = HardwareProbe.ParseNvidiaSmi(csv);

        Assert.Equal([new GpuInfo("NVIDIA H200", 143771, "565.57.01"), new GpuInfo("NVIDIA GeForce RTX 4090", 24564, "550.54.14")], gpus.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n")]
    [InlineData("NVIDIA H200, [N/A], 565.57.01\n")]
    [InlineData("NVIDIA H200, 143771 MiB\n")]
    public void NvidiaSmiOutput_WithoutGpuLines_GivesNoGpus(string csv) =>
        Assert.Empty(HardwareProbe.ParseNvidiaSmi(csv));

    [Fact]
    public void Summary_FitsAnOfferField()
    {
        var profile = new HardwareProfile("AMD EPYC", 2, 24105, [new GpuInfo("NVIDIA H200", 143771, "565.57.01")], true, true);

        Assert.Equal("AMD EPYC, 2 cores, 23 GiB, AVX-512, 1× NVIDIA H200 (140 GiB)", profile.Summary());
        Assert.Equal("AMD EPYC, 2", profile.Summary(maxBytes: 11));
        Assert.True(profile.HasGpu);
    }

    [Fact]
    public void Detect_OnThisMachine_FindsAtLeastOneCore()
    {
        var profile = HardwareProbe.Detect();

        Assert.InRange(profile.LogicalCores, 1, Environment.ProcessorCount);
        Assert.False(string.IsNullOrEmpty(profile.CpuModel));
        Assert.True(profile.MemoryMb > 0, "/proc/meminfo gave no MemTotal");
    }

    [Fact]
    public void TheOfferLine_NamesExtras_AndIsCutByUtf8BytesNeverInsideACharacter()
    {
        var profile = new HardwareProfile(new string('é', 60), 2, 24 * 1024, [], true, true);

        string line = profile.Summary(96, ["ORT CPU+CUDA"]);

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 96);
        Assert.Equal(48, line.Length); // 48 two-byte characters fill the 96 bytes exactly
        Assert.EndsWith("ORT CPU", new HardwareProfile("AMD EPYC", 2, 24 * 1024, [], true, true).Summary(96, ["ORT CPU"]), StringComparison.Ordinal);
        Assert.Equal("a😀", HardwareProfile.CutUtf8("a😀b", 5));
        Assert.Equal("a", HardwareProfile.CutUtf8("a😀b", 4));
    }
}
