using Fairshare.Core.Primitives;

namespace Fairshare.Core.Genesis;

/// <summary>Why a genesis file was refused: a stable code and a message naming the field.</summary>
public sealed record GenesisError(ResultCode Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Message}";
}
