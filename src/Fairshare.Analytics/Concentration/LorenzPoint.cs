namespace Fairshare.Analytics.Concentration;

/// <summary>One vertex (k/n, S_k/T) of the Lorenz curve: exact, with doubles for plotting.</summary>
/// <param name="Population">k/n, the poorest fraction of holders.</param>
/// <param name="Share">S_k/T, the fraction of the total they hold.</param>
public readonly record struct LorenzPoint(Fraction Population, Fraction Share)
{
    /// <summary><see cref="Population"/> as a double: the horizontal axis.</summary>
    public double X => Population.ToDouble();

    /// <summary><see cref="Share"/> as a double: the vertical axis.</summary>
    public double Y => Share.ToDouble();
}
