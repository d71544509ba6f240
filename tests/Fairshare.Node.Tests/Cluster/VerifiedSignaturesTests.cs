using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Cluster;
using Fairshare.Testing;

namespace Fairshare.Node.Tests.Cluster;

public sealed class VerifiedSignaturesTests
{
    private static readonly KeyPair Sender = KeyPair.ForDevelopment("verified-signatures-sender");

    public static TheoryData<int, int> Batches() => new()
    {
        { 1, 0 }, { 2, 0 }, { 2, 1 }, { 3, 2 }, { 7, 0 }, { 7, 3 }, { 7, 6 }, { 8, 5 },
    };

    [Theory]
    [MemberData(nameof(Batches))]
    public void VerifyAll_FindsTheForgedSignature_WhereverItSits_OnEitherWorker(int count, int forgedAt)
    {
        using var other = new CpuWorker("test-verify");
        var cache = new VerifiedSignatures(100);
        var batch = Transfers(count);
        batch[forgedAt] = Forge(batch[forgedAt]);

        bool valid = cache.VerifyAll(batch, other, out int firstBad);

        Assert.False(valid);
        Assert.Equal(forgedAt, firstBad);
        Assert.False(cache.Contains(batch[forgedAt].Id));
        Assert.All(batch.Where((_, i) => i != forgedAt), t => Assert.True(cache.Contains(t.Id)));
    }

    [Fact]
    public void VerifyAll_OfGenuineSignatures_AndOfNone_IsValid()
    {
        using var other = new CpuWorker("test-verify");
        var cache = new VerifiedSignatures(100);

        Assert.True(cache.VerifyAll([], other, out int none));
        Assert.True(cache.VerifyAll(Transfers(5), other, out int firstBad));
        Assert.Equal((-1, -1), (none, firstBad));
    }

    [Fact]
    public void AnIdIsRememberedOnlyForItsExactBytes_AndTheOldestIsForgottenPastCapacity()
    {
        var cache = new VerifiedSignatures(2);
        var batch = Transfers(3);

        var first = cache.Verify([batch[0], batch[1]]);
        // The same body with another signature has another id: the cached id vouches for nothing else.
        var forged = Forge(batch[0]);
        var second = cache.Verify([forged, batch[2]]);

        Assert.Equal([true, true], first);
        Assert.Equal([false, true], second);
        Assert.NotEqual(batch[0].Id, forged.Id);
        Assert.False(cache.Contains(batch[0].Id));
        Assert.True(cache.Contains(batch[1].Id) && cache.Contains(batch[2].Id));
    }

    private static SignedTransaction[] Transfers(int count) =>
        [.. Enumerable.Range(0, count).Select(i => SignedTransaction.Sign(
            new Transaction(TestChain.Id, (ulong)i, TestChain.MinFee, new TransferPayload(Sender.Address, AssetId.Fsh, new Amount(1))), Sender))];

    private static SignedTransaction Forge(SignedTransaction genuine)
    {
        var signature = genuine.Signature.ToArray();
        signature[7] ^= 0x01;
        return new SignedTransaction(genuine.Body, genuine.Signer, signature);
    }
}
