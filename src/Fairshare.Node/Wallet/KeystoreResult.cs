using System.Diagnostics.CodeAnalysis;

namespace Fairshare.Node.Wallet;

/// <summary>
/// The outcome of a keystore operation: a value, or an error code with a message for people.
/// Expected failures (a wrong passphrase, a missing file) come back here; programming errors throw.
/// </summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
/// <param name="Value">The value; set only on success.</param>
/// <param name="Error">Why it failed, or <see cref="KeystoreError.None"/>.</param>
/// <param name="Message">A human-readable explanation of the failure; null on success.</param>
public readonly record struct KeystoreResult<T>(T? Value, KeystoreError Error, string? Message)
{
    /// <summary>True when the operation succeeded and <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsOk => Error == KeystoreError.None && Value is not null;
}
