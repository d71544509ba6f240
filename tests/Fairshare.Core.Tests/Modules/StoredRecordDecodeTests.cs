using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Tests.Modules;

/// <summary>
/// Stored module records decode exactly what they encode; bytes that are not exactly a record (one byte short, one byte
/// over) are stored state gone wrong, a bug the node must stop on, never a record read as something else.
/// </summary>
public sealed class StoredRecordDecodeTests
{
    private static readonly Address A = Address.ForModule("stored-record-a");
    private static readonly Address B = Address.ForModule("stored-record-b");

    public static TheoryData<string> Kinds() => ["StakePool", "StakePosition", "StakingParams", "UnbondingEntry", "GovParams", "VoterLock", "VoteReceipt", "Proposal"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ARecord_DecodesToItself_AndOneByteShortOrOver_Throws(string kind)
    {
        var (encoded, decode) = Sample(kind);

        Assert.Equal(encoded, Encode(decode(encoded)));
        Assert.Throws<InvalidOperationException>(() => decode(encoded[..^1]));
        Assert.Throws<InvalidOperationException>(() => decode([.. encoded, 0]));
    }

    private static (byte[] Encoded, Func<byte[], object> Decode) Sample(string kind) => kind switch
    {
        "StakePool" => (new StakePool(A, new Amount(300), new Amount(400), 1_000, 1_200, 77, new Amount(5), new Amount(6)).Encode(), b => StakePool.Decode(b)),
        "StakePosition" => (new StakePosition(A, B, new Amount(400), new Amount(5), new Amount(6)).Encode(), b => StakePosition.Decode(b)),
        "StakingParams" => (StakingParams.Default.Encode(), b => StakingParams.Decode(b)),
        "UnbondingEntry" => (new UnbondingEntry(3, A, B, new Amount(9), 120).Encode(), b => UnbondingEntry.Decode(b)),
        "GovParams" => (GovParams.Default.Encode(), b => GovParams.Decode(b)),
        "VoterLock" => (new VoterLock(new Amount(11), B).Encode(), b => VoterLock.Decode(b)),
        "VoteReceipt" => (new VoteReceipt(1, new Amount(12)).Encode(), b => VoteReceipt.Decode(b)),
        "Proposal" => (SampleProposal().Encode(), b => Proposal.Decode(b)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] Encode(object record) => record switch
    {
        StakePool r => r.Encode(),
        StakePosition r => r.Encode(),
        StakingParams r => r.Encode(),
        UnbondingEntry r => r.Encode(),
        GovParams r => r.Encode(),
        VoterLock r => r.Encode(),
        VoteReceipt r => r.Encode(),
        Proposal r => r.Encode(),
        _ => throw new ArgumentOutOfRangeException(nameof(record)),
    };

    private static Proposal SampleProposal()
    {
        var gov = new Governance.GovChain();
        gov.Ok(("alice", new GovLockPayload(Governance.GovChain.Fsh(100))));
        gov.Advance(1);
        return gov.Proposal(gov.Propose("alice", Governance.GovChain.FeeSwitchOn));
    }
}
