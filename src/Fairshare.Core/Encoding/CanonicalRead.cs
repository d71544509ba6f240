namespace Fairshare.Core.Encoding;

/// <summary>Reads one value from a <see cref="CanonicalReader"/>; the value is null (or meaningless) when the reader failed.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public delegate T? CanonicalRead<T>(ref CanonicalReader reader)
    where T : class;
