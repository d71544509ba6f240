using System.Diagnostics.CodeAnalysis;

namespace Fairshare.Compute;

/// <summary>
/// The outcome of a compute operation: a value, or an error code with a message for people. Expected failures (a
/// malformed blob, a model that does not load) come back here; programming errors throw.
/// </summary>
/// <typeparam name="T">The type of the value on success.</typeparam>
/// <param name="Value">The value; set only on success.</param>
/// <param name="Error">Why it failed, or <see cref="ComputeError.None"/>.</param>
/// <param name="Message">A human-readable explanation of the failure; null on success.</param>
public readonly record struct ComputeResult<T>(T? Value, ComputeError Error, string? Message)
{
    /// <summary>True when the operation succeeded and <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsOk => Error == ComputeError.None && Value is not null;

    /// <summary>A success carrying <paramref name="value"/>.</summary>
    public static ComputeResult<T> Ok(T value) => new(value, ComputeError.None, null);

    /// <summary>A failure with its code and message.</summary>
    public static ComputeResult<T> Fail(ComputeError error, string message) => new(default, error, message);

    /// <summary>The same failure, retyped (for passing an inner failure up).</summary>
    public ComputeResult<TOther> As<TOther>() => new(default, Error, Message);
}
