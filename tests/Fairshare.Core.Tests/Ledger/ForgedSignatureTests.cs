using System.Collections.Immutable;
using Fairshare.Core.Crypto;
using Fairshare.Core.Encoding;
using Fairshare.Core.Genesis;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Amm;
using Fairshare.Core.Modules.Farming;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Lending;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.StableSwap;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>
/// A transaction whose signature does not verify is refused with <see cref="ResultCode.BadSignature"/> and changes
/// nothing, whatever its payload kind. The theory runs over every <see cref="TxKind"/>; a kind added without a sample
/// here fails <see cref="EveryPayloadKind_HasASample_AndTheCodecKnowsExactlyThoseKinds"/> and its own theory case.
/// </summary>
public sealed class ForgedSignatureTests
{
    /// <summary>How the signature is forged.</summary>
    public enum Forgery
    {
        /// <summary>The sender's public key, a signature made by another key over the same body.</summary>
        SignedByAnotherKey,

        /// <summary>The sender's own signature with one bit flipped (in R).</summary>
        FlippedBitInR,

        /// <summary>The sender's own signature with one bit flipped (in S).</summary>
        FlippedBitInS,

        /// <summary>The sender's own signature over a different body (the fee raised by one after signing).</summary>
        BodyChangedAfterSigning,
    }

    private static readonly Hash32 H = Hash32.Compute("forged-signature-tests"u8);
    private static readonly Address Somebody = Address.ForModule("somebody");
    private static readonly GenesisConfig Genesis = TestChain.CreateGenesis();

    /// <summary>A payload of each kind, with plausible fields (whether it would succeed does not matter).</summary>
    private static TxPayload Sample(TxKind kind) => kind switch
    {
        TxKind.Transfer => new TransferPayload(Somebody, AssetId.Fsh, new Amount(5)),
        TxKind.Batch => new BatchPayload([new TransferPayload(Somebody, AssetId.Fsh, new Amount(5)), new TransferPayload(Somebody, AssetId.Fsh, new Amount(6))]),
        TxKind.MintStable => new MintStablePayload(Somebody, new Amount(1000)),
        TxKind.BurnStable => new BurnStablePayload(new Amount(1)),
        TxKind.ClaimVested => new ClaimVestedPayload(),
        TxKind.AmmCreatePool => new AmmCreatePoolPayload(AssetId.Fsh, AssetId.Usdf),
        TxKind.AmmAddLiquidity => new AmmAddLiquidityPayload(AssetId.Fsh, AssetId.Usdf, new Amount(10), new Amount(20), new Amount(1), new Amount(2)),
        TxKind.AmmRemoveLiquidity => new AmmRemoveLiquidityPayload(AssetId.Fsh, AssetId.Usdf, new Amount(3), new Amount(1), new Amount(1)),
        TxKind.AmmSwap => new AmmSwapPayload([AssetId.Fsh, AssetId.Usdf], new Amount(10), new Amount(1), false),
        TxKind.AmmFlashSwap => new AmmFlashSwapPayload(AssetId.Fsh, AssetId.Usdf, new Amount(1), Amount.Zero),
        TxKind.FarmCreate => new FarmCreatePayload(AssetId.Usdf, 100),
        TxKind.FarmNotifyReward => new FarmNotifyRewardPayload(1, new Amount(100)),
        TxKind.FarmStake => new FarmStakePayload(1, new Amount(10)),
        TxKind.FarmWithdraw => new FarmWithdrawPayload(1, new Amount(10)),
        TxKind.FarmClaim => new FarmClaimPayload(1),
        TxKind.FarmExit => new FarmExitPayload(1),
        TxKind.FarmSetRewardsDuration => new FarmSetRewardsDurationPayload(1, 50),
        TxKind.GovLock => new GovLockPayload(new Amount(100)),
        TxKind.GovUnlock => new GovUnlockPayload(new Amount(100)),
        TxKind.GovDelegate => new GovDelegatePayload(Somebody),
        TxKind.GovPropose => new GovProposePayload([new GovAction(ModuleIds.Amm, 1, Amount.One)], "forged"),
        TxKind.GovVote => new GovVotePayload(1, 1),
        TxKind.GovQueue => new GovQueuePayload(1),
        TxKind.GovExecute => new GovExecutePayload(1),
        TxKind.GovCancel => new GovCancelPayload(1),
        TxKind.LendCreateMarket => new LendCreateMarketPayload(AssetId.Usdf),
        TxKind.LendSupply => new LendSupplyPayload(AssetId.Fsh, new Amount(10)),
        TxKind.LendRedeem => new LendRedeemPayload(AssetId.Fsh, new Amount(10), Amount.Zero),
        TxKind.LendBorrow => new LendBorrowPayload(AssetId.Fsh, new Amount(10)),
        TxKind.LendRepay => new LendRepayPayload(AssetId.Fsh, Somebody, new Amount(10)),
        TxKind.LendLiquidate => new LendLiquidatePayload(Somebody, AssetId.Fsh, new Amount(10), AssetId.Usdf),
        TxKind.LendFlashLoan => new LendFlashLoanPayload(AssetId.Fsh, new Amount(10)),
        TxKind.StableCreatePool => new StableCreatePoolPayload([AssetId.Fsh, AssetId.Usdf], 100),
        TxKind.StableAddLiquidity => new StableAddLiquidityPayload(1, [new Amount(10), new Amount(10)], Amount.One),
        TxKind.StableRemoveLiquidity => new StableRemoveLiquidityPayload(1, new Amount(5), [Amount.One, Amount.One]),
        TxKind.StableRemoveOneCoin => new StableRemoveOneCoinPayload(1, new Amount(5), 0, Amount.One),
        TxKind.StableExchange => new StableExchangePayload(1, 0, 1, new Amount(10), Amount.One),
        TxKind.StakeSelfBond => new StakeSelfBondPayload(new Amount(1000), 500),
        TxKind.StakeDelegate => new StakeDelegatePayload(Somebody, new Amount(1000)),
        TxKind.StakeUnbond => new StakeUnbondPayload(Somebody, new Amount(10)),
        TxKind.StakeWithdraw => new StakeWithdrawPayload(),
        TxKind.StakeClaim => new StakeClaimPayload(Somebody),
        TxKind.StakeSetCommission => new StakeSetCommissionPayload(300),
        TxKind.MarketRegister => new MarketRegisterPayload(new ProviderProfile("forger", new Amount(7), 3).Offer),
        TxKind.MarketHeartbeat => new MarketHeartbeatPayload(),
        TxKind.MarketDeregister => new MarketDeregisterPayload(),
        TxKind.MarketSubmitJob => new MarketSubmitJobPayload(MarketHarness.Spec(VerificationPolicy.Replicate, 3)),
        TxKind.MarketCommit => new MarketCommitPayload(1, 0, H),
        TxKind.MarketReveal => new MarketRevealPayload(1, 0, H, H, 0b1),
        TxKind.MarketRevealExpected => new MarketRevealExpectedPayload(1, H, H),
        TxKind.MarketCancelJob => new MarketCancelJobPayload(1),
        _ => throw new InvalidOperationException($"no sample payload for {kind}: add one to {nameof(ForgedSignatureTests)}"),
    };

    /// <summary>The sender that would make the payload pass the issuer checks (so a skipped check shows as an applied tx).</summary>
    private static string SenderFor(TxKind kind) => kind is TxKind.MintStable or TxKind.BurnStable ? "issuer" : "alice";

    public static TheoryData<TxKind, Forgery> Cases()
    {
        var data = new TheoryData<TxKind, Forgery>();
        foreach (var kind in Enum.GetValues<TxKind>())
        {
            foreach (var forgery in Enum.GetValues<Forgery>()) data.Add(kind, forgery);
        }

        return data;
    }

    private static SignedTransaction Forge(TestChain chain, string from, TxPayload payload, Forgery forgery)
    {
        var key = chain.Key(from);
        var body = new Transaction(TestChain.Id, chain.State.Find(key.Address)?.Nonce ?? 0, TestChain.MinFee, payload);
        switch (forgery)
        {
            case Forgery.SignedByAnotherKey:
                return new SignedTransaction(body, key.PublicKey, chain.Key("mallory").Sign(body.SigningBytes()));
            case Forgery.FlippedBitInR:
                {
                    var signature = key.Sign(body.SigningBytes());
                    signature[3] ^= 0x10;
                    return new SignedTransaction(body, key.PublicKey, signature);
                }

            case Forgery.FlippedBitInS:
                {
                    var signature = key.Sign(body.SigningBytes());
                    signature[40] ^= 0x01;
                    return new SignedTransaction(body, key.PublicKey, signature);
                }

            case Forgery.BodyChangedAfterSigning:
                {
                    var signature = key.Sign(body.SigningBytes());
                    return new SignedTransaction(body with { Fee = body.Fee + Amount.One }, key.PublicKey, signature);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(forgery));
        }
    }

    /// <summary>
    /// The block a proposer that skipped the signature check would make: the real one when the forged transaction
    /// executes, else a block that names it with the proposer's pre-state roots. Either is signed by the validator,
    /// so the only thing wrong with it is the transaction's signature.
    /// </summary>
    private static Block BlockCarrying(SignedTransaction forged, TestChain follower)
    {
        var proposer = TestChain.Create(Genesis);
        var produced = proposer.Produce(forged);
        if (produced.Block!.Transactions.Length == 1) return produced.Block;
        var head = follower.State.Head;
        var header = new BlockHeader(
            TestChain.Id,
            head.Height + 1,
            head.BlockHash,
            head.TimestampMs + 1000,
            Block.TransactionRootOf([forged]),
            follower.State.ComputeRoot(),
            Hash32.Zero,
            follower.Validator.PublicKey,
            1);
        return new Block(header, [forged], [BlockSignature.Sign(header, follower.Validator)]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForgedSignature_IsRefusedWithBadSignature_AndChangesNothing(TxKind kind, Forgery forgery)
    {
        var payload = Sample(kind);
        Assert.Equal(kind, payload.Kind);
        var follower = TestChain.Create(Genesis);
        string from = SenderFor(kind);
        var sender = follower.Key(from).Address;
        var forged = Forge(follower, from, payload, forgery);

        // The signature itself, and the same transaction as it arrives on the wire.
        Assert.False(forged.VerifySignature());
        Assert.Equal(ResultCode.Ok, TransactionCodec.TryDecode(forged.Encoded, out var decoded));
        Assert.False(decoded!.VerifySignature());

        // A follower that checks every signature refuses the block at that transaction and changes nothing.
        var block = BlockCarrying(decoded, follower);
        var rootBefore = follower.State.ComputeRoot();
        var fingerprintBefore = follower.Fingerprint();
        var headBefore = follower.State.Head;
        var balanceBefore = follower.State.BalanceOf(sender, AssetId.Fsh);
        var nonceBefore = follower.State.Find(sender)?.Nonce;

        var applied = BlockExecutor.Apply(follower.State, block, SignatureChecks.All);

        Assert.Equal(ResultCode.BadSignature, applied.Code);
        Assert.Equal(0, applied.FailedTransactionIndex);
        Assert.True(applied.Receipts.IsEmpty);
        Assert.Equal(rootBefore, follower.State.ComputeRoot());
        Assert.Equal(fingerprintBefore, follower.Fingerprint());
        Assert.Equal(headBefore, follower.State.Head);
        Assert.Equal(balanceBefore, follower.State.BalanceOf(sender, AssetId.Fsh));
        Assert.Equal(nonceBefore, follower.State.Find(sender)?.Nonce);
    }

    public static TheoryData<TxKind> Kinds() => new(Enum.GetValues<TxKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheSameTransactionHonestlySigned_Verifies(TxKind kind)
    {
        // The control: what makes the forged case fail is the forgery alone, not the payload or its encoding.
        var chain = TestChain.Create(Genesis);
        var honest = chain.Sign(SenderFor(kind), Sample(kind));
        Assert.True(honest.VerifySignature());
        Assert.Equal(ResultCode.Ok, TransactionCodec.TryDecode(honest.Encoded, out var decoded));
        Assert.True(decoded!.VerifySignature());
    }

    [Fact]
    public void EveryPayloadKind_HasASample_AndTheCodecKnowsExactlyThoseKinds()
    {
        var kinds = Enum.GetValues<TxKind>().ToHashSet();

        // Every concrete payload type in the core assembly has a kind, and the samples cover every type.
        var payloadTypes = typeof(TxPayload).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(TxPayload).IsAssignableFrom(t))
            .ToHashSet();
        var samples = kinds.ToDictionary(k => k, Sample);
        Assert.Equal(payloadTypes.OrderBy(t => t.FullName), samples.Values.Select(p => p.GetType()).Distinct().OrderBy(t => t.FullName));
        Assert.Equal(kinds.Count, payloadTypes.Count);

        var chain = TestChain.Create();
        var knownToCodec = new HashSet<TxKind>();
        for (int tag = 0; tag <= byte.MaxValue; tag++)
        {
            var kind = (TxKind)tag;
            if (samples.TryGetValue(kind, out var sample))
            {
                var tx = chain.Sign("alice", sample);
                var code = TransactionCodec.TryDecode(tx.Encoded, out var decoded);
                Assert.True(code == ResultCode.Ok, $"{kind}: {code}");
                Assert.Equal(tx.Body, decoded!.Body);
                knownToCodec.Add(kind);
            }
            else
            {
                var writer = new CanonicalWriter();
                writer.WriteU8(Transaction.Version);
                writer.WriteString(TestChain.Id);
                writer.WriteU64(0);
                writer.WriteAmount(Amount.One);
                writer.WriteU8((byte)tag);
                writer.WriteRaw(new byte[96]);
                var code = TransactionCodec.TryDecode(writer.WrittenSpan, out _);
                if (code != ResultCode.UnknownTag) knownToCodec.Add(kind);
            }
        }

        Assert.Equal(kinds.OrderBy(k => k), knownToCodec.OrderBy(k => k));
    }
}
