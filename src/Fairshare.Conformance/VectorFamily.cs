using Fairshare.Core.Modules.Math;

namespace Fairshare.Conformance;

/// <summary>
/// Base of an operation family: maps an op name to a function, and turns a <see cref="RevertException"/>
/// into the case's error outcome.
/// </summary>
public abstract class VectorFamily : IVectorOperations
{
    /// <inheritdoc/>
    public abstract string Primitive { get; }

    /// <summary>The operations, by op name: each returns its output fields.</summary>
    protected abstract IReadOnlyDictionary<string, Func<VectorCase, IEnumerable<KeyValuePair<string, string>>>> Operations { get; }

    /// <inheritdoc/>
    public VectorOutcome? Evaluate(VectorCase vector)
    {
        if (!Operations.TryGetValue(vector.Operation, out var operation)) return null;
        try
        {
            return VectorOutcome.Success(operation(vector).ToList());
        }
        catch (RevertException revert)
        {
            return VectorOutcome.Fail(revert.Error);
        }
    }
}
