namespace Fairshare.Node.Cluster;

/// <summary>The values of a member request's three headers (see <see cref="MemberRequest"/>).</summary>
/// <param name="Member">The sending validator's public key, hex (<see cref="MemberRequest.MemberHeader"/>).</param>
/// <param name="Time">The time of signing, Unix milliseconds (<see cref="MemberRequest.TimeHeader"/>).</param>
/// <param name="Signature">The Ed25519 signature, hex (<see cref="MemberRequest.SignatureHeader"/>).</param>
public sealed record MemberCredentials(string Member, string Time, string Signature);
