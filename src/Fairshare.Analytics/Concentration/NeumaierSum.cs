namespace Fairshare.Analytics.Concentration;

/// <summary>
/// Compensated (Kahan–Babuška–Neumaier) summation: carries the rounding error of each addition in a second double,
/// so a long sum of mixed-sign terms loses no more than a couple of roundings in total.
/// </summary>
internal struct NeumaierSum
{
    private double _sum;
    private double _compensation;

    /// <summary>The sum so far.</summary>
    public readonly double Value => _sum + _compensation;

    /// <summary>Adds one term.</summary>
    public void Add(double term)
    {
        double next = _sum + term;
        _compensation += Math.Abs(_sum) >= Math.Abs(term) ? (_sum - next) + term : (term - next) + _sum;
        _sum = next;
    }
}
