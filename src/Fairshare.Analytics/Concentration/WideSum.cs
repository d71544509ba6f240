using System.Numerics;

namespace Fairshare.Analytics.Concentration;

/// <summary>An exact sum of UInt128 terms: added in a UInt128 and carried into a BigInteger only when it would wrap.</summary>
internal struct WideSum
{
    private UInt128 _low;
    private BigInteger _carried;

    /// <summary>Adds a term.</summary>
    public void Add(UInt128 term)
    {
        var sum = _low + term;
        if (sum < _low)
        {
            _carried += _low;
            sum = term;
        }

        _low = sum;
    }

    /// <summary>The exact sum.</summary>
    public readonly BigInteger Value => _carried + _low;
}
