using Fairshare.Core.Primitives;

namespace Fairshare.Core.Genesis;

/// <summary>Internal control flow of the parser: carries the first problem out of nested reads.</summary>
internal sealed class GenesisException(ResultCode code, string message) : Exception(message)
{
    public GenesisError Error { get; } = new(code, message);
}
