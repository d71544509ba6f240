namespace Fairshare.Core.Modules.Market;

/// <summary>The kind of device a provider offers or a job needs. Stable values: they are encoded in transactions.</summary>
public enum DeviceClass : byte
{
    /// <summary>Any device (only in a job spec).</summary>
    Any = 0,

    /// <summary>A CPU.</summary>
    Cpu = 1,

    /// <summary>A GPU.</summary>
    Gpu = 2,
}
