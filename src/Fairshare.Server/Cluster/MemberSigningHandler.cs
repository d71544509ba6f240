using Fairshare.Node.Cluster;

namespace Fairshare.Server.Cluster;

/// <summary>Signs every request to another member with this validator's key (<see cref="MemberRequest"/>).</summary>
internal sealed class MemberSigningHandler(ILedgerService ledger) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("a member request without a URI");
        var credentials = ledger.SignMemberRequest(request.Method.Method, uri.PathAndQuery);
        request.Headers.Remove(MemberRequest.MemberHeader);
        request.Headers.Remove(MemberRequest.TimeHeader);
        request.Headers.Remove(MemberRequest.SignatureHeader);
        request.Headers.Add(MemberRequest.MemberHeader, credentials.Member);
        request.Headers.Add(MemberRequest.TimeHeader, credentials.Time);
        request.Headers.Add(MemberRequest.SignatureHeader, credentials.Signature);
        return base.SendAsync(request, cancellationToken);
    }
}
