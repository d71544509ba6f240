using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Governance;

/// <summary>
/// One action of a proposal: set parameter <paramref name="Parameter"/> of module <paramref name="Module"/> to
/// <paramref name="Value"/>. The pairs governance can set, and their ranges, are the table in
/// <see cref="GovernableParameters"/>.
/// </summary>
/// <param name="Module">A <see cref="ModuleIds"/> byte, or <see cref="GovernableParameters.LedgerModule"/> for the ledger.</param>
/// <param name="Parameter">The parameter's id inside the module.</param>
/// <param name="Value">The new value (a flag is 0 or 1, an enumeration its number).</param>
public sealed record GovAction(byte Module, byte Parameter, Amount Value)
{
    /// <summary>Writes the action.</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteU8(Module);
        writer.WriteU8(Parameter);
        writer.WriteAmount(Value);
    }

    /// <summary>Reads an action (check <see cref="CanonicalReader.Ok"/>).</summary>
    public static GovAction Read(ref CanonicalReader reader) => new(reader.ReadU8(), reader.ReadU8(), reader.ReadAmount());
}
