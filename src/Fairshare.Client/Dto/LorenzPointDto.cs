namespace Fairshare.Client.Dto;

/// <summary>One vertex of a Lorenz curve: the poorest fraction <paramref name="X"/> of holders hold the fraction <paramref name="Y"/> of the total.</summary>
public sealed record LorenzPointDto(double X, double Y);
