namespace Fairshare.Core.Primitives;

/// <summary>Why an address text did not parse.</summary>
public enum AddressParseError : byte
{
    /// <summary>Parsed.</summary>
    None = 0,

    /// <summary>Does not start with <c>fs1</c>.</summary>
    BadPrefix = 1,

    /// <summary>Not 51 characters long.</summary>
    BadLength = 2,

    /// <summary>Contains a character that is not a hex digit.</summary>
    BadHex = 3,

    /// <summary>The checksum does not match: a typo.</summary>
    BadChecksum = 4,
}
