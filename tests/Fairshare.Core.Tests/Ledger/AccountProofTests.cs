using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;
using Xunit.Abstractions;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>
/// Light-client proofs of one account against the state root (<see cref="LedgerState.ProveAccount"/>,
/// <see cref="AccountProof.Verify"/>): every account of a state proves, absent addresses prove absent, and every
/// single-byte change, reordering or stray account is refused. The commitment root is recomputed here with the BCL's
/// SHA-256 from the hashing rules alone, apart from the code under test.
/// </summary>
public sealed class AccountProofTests(ITestOutputHelper output)
{
    private static readonly KeyPair Validator = KeyPair.ForDevelopment("proof-validator");
    private static readonly AssetId Lp = new(2);

    /// <summary>Three addresses sharing the 16-bit prefix 0xab12 (one bucket), in address order.</summary>
    private static readonly Address[] Crowded = [Crafted(0xab, 0x12, 0x10), Crafted(0xab, 0x12, 0x40), Crafted(0xab, 0x12, 0x90)];

    [Fact]
    public void EveryAccount_Proves_AndItsProofRoundTrips()
    {
        var (state, addresses) = ManyAccounts(1500);
        var root = state.ComputeRoot();
        int crowdedBuckets = addresses.GroupBy(a => a.Prefix16).Count(g => g.Count() >= 2);
        Assert.True(crowdedBuckets >= 2, $"only {crowdedBuckets} buckets hold 2+ accounts");

        foreach (var address in addresses)
        {
            var proof = state.ProveAccount(address);
            Assert.Equal(ResultCode.Ok, proof.Verify(root, out var proven));
            var expected = state.Find(address)!;
            Assert.NotNull(proven!.Account);
            Assert.Equal(expected.ToEncoding(), proven.Account.ToEncoding());
            Assert.Equal(expected.Nonce, proven.Nonce);
            Assert.Equal(expected.BalanceOf(AssetId.Fsh), proven.BalanceOf(AssetId.Fsh));
            Assert.Equal(state.Assets.ToArray(), proven.Globals.Assets.ToArray());
            Assert.Equal(state.Params, proven.Globals.Params);
            Assert.Equal(state.Validators.ToArray(), proven.Globals.Validators.ToArray());

            var bytes = proof.Encode();
            Assert.Equal(ResultCode.Ok, AccountProof.TryDecode(bytes, out var decoded));
            Assert.Equal(bytes, decoded!.Encode());
            Assert.Equal(ResultCode.Ok, decoded.Verify(root, out _));
        }
    }

    [Fact]
    public void AbsentAddresses_ProveAbsent_InAnEmptyAndInACrowdedBucket()
    {
        var (state, addresses) = ManyAccounts(300);
        var root = state.ComputeRoot();
        var taken = addresses.Select(a => a.Prefix16).ToHashSet();
        var emptyBucket = Enumerable.Range(0, 1000).Select(i => Address.ForModule("absent-" + i)).First(a => !taken.Contains(a.Prefix16));
        Address[] absent = [emptyBucket, Crafted(0xab, 0x12, 0x00), Crafted(0xab, 0x12, 0x20), Crafted(0xab, 0x12, 0xff)];

        foreach (var address in absent)
        {
            var proof = state.ProveAccount(address);
            Assert.Equal(address == emptyBucket ? 0 : Crowded.Length, proof.Bucket.Length);
            Assert.Equal(ResultCode.Ok, proof.Verify(root, out var proven));
            Assert.Equal(address, proven!.Address);
            Assert.Null(proven.Account);
            Assert.Equal(0UL, proven.Nonce);
        }
    }

    [Fact]
    public void AnySingleByteChange_OfAnAccount_ABucketNeighbour_ASibling_TheRecordsRoot_OrTheGlobals_IsRefused()
    {
        var (state, _) = ManyAccounts(200);
        var root = state.ComputeRoot();
        var proof = state.ProveAccount(Crowded[1]);
        Assert.Equal(ResultCode.Ok, proof.Verify(root, out _));
        int checkedChanges = 0;

        for (int entry = 0; entry < proof.Bucket.Length; entry++)
        {
            for (int i = 0; i < proof.Bucket[entry].Length; i++)
            {
                var changed = proof.Bucket[entry].ToArray();
                changed[i] ^= 0x01;
                AssertRefused(proof with { Bucket = proof.Bucket.SetItem(entry, changed) }, root, $"bucket entry {entry} byte {i}");
                checkedChanges++;
            }
        }

        for (int s = 0; s < proof.Siblings.Length; s++)
        {
            for (int i = 0; i < Hash32.Size; i++)
            {
                AssertRefused(proof with { Siblings = proof.Siblings.SetItem(s, Flip(proof.Siblings[s], i)) }, root, $"sibling {s} byte {i}");
                checkedChanges++;
            }
        }

        for (int i = 0; i < Hash32.Size; i++)
        {
            AssertRefused(proof with { RecordsRoot = Flip(proof.RecordsRoot, i) }, root, $"records root byte {i}");
            checkedChanges++;
        }

        for (int i = 0; i < proof.Globals.Length; i++)
        {
            var changed = proof.Globals.ToArray();
            changed[i] ^= 0x01;
            AssertRefused(proof with { Globals = changed }, root, $"globals byte {i}");
            checkedChanges++;
        }

        Assert.True(checkedChanges > 2000, $"{checkedChanges} changes");
    }

    [Fact]
    public void APresentAccount_PresentedAsAbsent_IsRefused()
    {
        var (state, _) = ManyAccounts(200);
        var root = state.ComputeRoot();
        var proof = state.ProveAccount(Crowded[1]);

        var dropped = proof with { Bucket = proof.Bucket.RemoveAt(1) };
        Assert.Equal(ResultCode.BadStateRoot, dropped.Verify(root, out _));

        var renamed = proof.Bucket[1].ToArray();
        Crafted(0xab, 0x12, 0x41).CopyTo(renamed);
        var disguised = proof with { Bucket = proof.Bucket.SetItem(1, renamed) };
        Assert.Equal(ResultCode.BadStateRoot, disguised.Verify(root, out _));

        // The neighbours' proof cannot stand for the account either: it is about another address.
        var neighbour = state.ProveAccount(Crowded[0]) with { Address = Crafted(0xab, 0x12, 0x41) };
        Assert.Equal(ResultCode.Ok, neighbour.Verify(root, out var proven));
        Assert.Null(proven!.Account);
        Assert.NotEqual(Crowded[1], proven.Address);
    }

    [Fact]
    public void ABucketOutOfOrder_OrWithAnAccountOfAnotherPrefix_IsRefused()
    {
        var (state, addresses) = ManyAccounts(200);
        var root = state.ComputeRoot();
        var proof = state.ProveAccount(Crowded[0]);

        var swapped = proof with { Bucket = [proof.Bucket[1], proof.Bucket[0], proof.Bucket[2]] };
        Assert.Equal(ResultCode.InvalidValue, swapped.Verify(root, out _));
        var repeated = proof with { Bucket = [proof.Bucket[0], proof.Bucket[0], proof.Bucket[1], proof.Bucket[2]] };
        Assert.Equal(ResultCode.InvalidValue, repeated.Verify(root, out _));

        var stranger = state.Find(addresses.First(a => a.Prefix16 != Crowded[0].Prefix16))!.ToEncoding();
        var mixed = proof with { Bucket = proof.Bucket.Add(stranger) };
        Assert.Equal(ResultCode.InvalidValue, mixed.Verify(root, out _));

        var absent = state.ProveAccount(Crafted(0xab, 0x12, 0xff));
        Assert.Equal(ResultCode.InvalidValue, (absent with { Bucket = absent.Bucket.Insert(0, stranger) }).Verify(root, out _));
        Assert.Equal(ResultCode.InvalidValue, (proof with { Siblings = proof.Siblings.RemoveAt(0) }).Verify(root, out _));
    }

    [Fact]
    public void AProof_CheckedAgainstAnotherRoot_IsRefused()
    {
        var (state, addresses) = ManyAccounts(200);
        var oldRoot = state.ComputeRoot();
        var oldProof = state.ProveAccount(addresses[0]);
        state.SetNonce(state.Find(addresses[1])!, 99);
        state.Commit();
        var newRoot = state.ComputeRoot();
        Assert.NotEqual(oldRoot, newRoot);

        Assert.Equal(ResultCode.BadStateRoot, oldProof.Verify(newRoot, out var proven));
        Assert.Null(proven);
        Assert.Equal(ResultCode.BadStateRoot, state.ProveAccount(addresses[0]).Verify(oldRoot, out _));
        Assert.Equal(ResultCode.Ok, state.ProveAccount(addresses[0]).Verify(newRoot, out _));
        Assert.Equal(ResultCode.BadStateRoot, oldProof.Verify(Hash32.Zero, out _));
    }

    [Fact]
    public void ATinyState_HasTheRootAndPath_ComputedByHand()
    {
        var state = NewState();
        var a = Crafted(0x00, 0x01, 0x01);
        var b = Crafted(0x00, 0x01, 0x02);
        var c = Crafted(0xf3, 0x7e, 0x05);
        Fund(state, a, 5, 100);
        Fund(state, b, 0, 7);
        Fund(state, c, 1, 1);
        state.Commit();

        var leafA = Sha(Concat([0x00], AccountBytesByHand(a, 5, 100)));
        var leafB = Sha(Concat([0x00], AccountBytesByHand(b, 0, 7)));
        var leafC = Sha(Concat([0x00], AccountBytesByHand(c, 1, 1)));
        var buckets = new Dictionary<int, byte[]>
        {
            [0x0001] = Sha(Concat([0x02], leafA, leafB)),
            [0xf37e] = Sha(Concat([0x02], leafC)),
        };
        var levels = TreeByHand(buckets);
        var globals = GlobalsByHand(state);
        var recordsRoot = Sha("fairshare/records/v1\0"u8.ToArray());
        var expectedRoot = Sha(Concat("fairshare/state/v1\0"u8.ToArray(), levels[4][0], recordsRoot, globals));
        Assert.Equal(Convert.ToHexStringLower(expectedRoot), state.ComputeRoot().ToString());

        var proof = state.ProveAccount(b);
        Assert.Equal(globals, proof.Globals);
        Assert.Equal(Convert.ToHexStringLower(recordsRoot), proof.RecordsRoot.ToString());
        Assert.Equal([AccountBytesByHand(a, 5, 100), AccountBytesByHand(b, 0, 7)], proof.Bucket.Select(e => e.ToArray()));
        Assert.Equal(PathByHand(levels, 0x0001).Select(Convert.ToHexStringLower), proof.Siblings.Select(s => s.ToString()));
        Assert.Equal(ResultCode.Ok, proof.Verify(Hash32.Read(expectedRoot), out var proven));
        Assert.Equal(new Amount(7), proven!.BalanceOf(AssetId.Fsh));
    }

    [Fact]
    public void Encoding_RefusesTruncation_TrailingBytes_AnUnknownVersion_AndTooLongABucket()
    {
        var (state, _) = ManyAccounts(50);
        var bytes = state.ProveAccount(Crowded[2]).Encode();
        for (int length = 0; length < bytes.Length; length++)
            Assert.Equal(ResultCode.Truncated, AccountProof.TryDecode(bytes.AsSpan(0, length), out _));
        Assert.Equal(ResultCode.TrailingBytes, AccountProof.TryDecode([.. bytes, 0], out _));
        var versioned = bytes.ToArray();
        versioned[0] = 2;
        Assert.Equal(ResultCode.UnknownTag, AccountProof.TryDecode(versioned, out _));
        var tooLong = bytes.ToArray();
        tooLong[1 + Address.Size] = 0xff;
        tooLong[2 + Address.Size] = 0xff;
        tooLong[3 + Address.Size] = 0x7f;
        Assert.Equal(ResultCode.TooManyItems, AccountProof.TryDecode(tooLong, out _));
    }

    [Fact]
    public void ASignedProof_ChecksItsHeaderAndSignature()
    {
        var (state, addresses) = ManyAccounts(100);
        var header = HeaderFor(state, Validator);
        var signed = SignedAccountProof.Create(state, addresses[3], header, [BlockSignature.Sign(header, Validator)]);
        Assert.Equal(ResultCode.Ok, SignedAccountProof.TryDecode(signed.Encode(), out var decoded));
        Assert.Equal(ResultCode.Ok, decoded!.Verify(null, out var proven));
        Assert.Equal(state.Find(addresses[3])!.Nonce, proven!.Nonce);
        Assert.Equal(ResultCode.Ok, decoded.Verify([Validator.PublicKey], out _));

        using var stranger = KeyPair.ForDevelopment("proof-stranger");
        Assert.Equal(ResultCode.BadBlockSignature, decoded.Verify([stranger.PublicKey], out _));
        Assert.Equal(ResultCode.BadBlockSignature, (decoded with { Signatures = [] }).Verify(null, out _));
        Assert.Equal(ResultCode.BadBlockSignature, (decoded with { Signatures = [BlockSignature.Sign(header, stranger)] }).Verify(null, out _));
        var strangerHeader = header with { Proposer = stranger.PublicKey };
        Assert.Equal(ResultCode.BadBlockSignature, (decoded with { Header = strangerHeader, Signatures = [BlockSignature.Sign(strangerHeader, stranger)] }).Verify(null, out _));
        var otherRoot = header with { StateRoot = Hash32.Compute("other"u8) };
        Assert.Equal(ResultCode.BadStateRoot, (decoded with { Header = otherRoot, Signatures = [BlockSignature.Sign(otherRoot, Validator)] }).Verify(null, out _));
        Assert.Equal(ResultCode.BlockWrongChainId, (decoded with { ChainId = "other-chain" }).Verify(null, out _));
        Assert.Equal(ResultCode.BadBlockSignature, (decoded with { Header = null, Signatures = [] }).Verify(null, out _));

        var unsigned = SignedAccountProof.Create(state, addresses[3], null, []);
        Assert.Equal(ResultCode.Ok, SignedAccountProof.TryDecode(unsigned.Encode(), out var genesis));
        Assert.Null(genesis!.Header);
        Assert.Equal(0UL, genesis.Height);
    }

    [Fact]
    public void OnAHundredThousandAccounts_AProofIsAFewKilobytes_AgainstMegabytesOfState()
    {
        var state = NewState();
        var addresses = new List<Address>(100_000);
        for (int i = 0; i < 100_000; i++)
        {
            var address = Address.ForModule("bench-account-" + i);
            addresses.Add(address);
            Fund(state, address, (ulong)(i % 7), 1_000 + (ulong)i);
        }

        state.Commit();
        var root = state.ComputeRoot();
        state.AdvanceHead(state.Head with { StateRoot = root });
        int snapshot = StateSnapshot.Encode(state).Length;
        var header = HeaderFor(state, Validator);
        var signature = BlockSignature.Sign(header, Validator);
        var sizes = addresses.Take(2000).Select(a => state.ProveAccount(a).Encode().Length).ToList();
        var signed = SignedAccountProof.Create(state, addresses[0], header, [signature]).Encode();
        var absent = SignedAccountProof.Create(state, Address.ForModule("bench-absent"), header, [signature]).Encode();
        Assert.Equal(ResultCode.Ok, state.ProveAccount(addresses[12_345]).Verify(root, out _));

        output.WriteLine($"100,000 accounts: full state {snapshot:N0} bytes; account proof min {sizes.Min():N0} / mean {sizes.Average():N0} / max {sizes.Max():N0} bytes "
            + $"over 2,000 accounts; with header and one signature {signed.Length:N0} bytes (absent address {absent.Length:N0})");
        Assert.True(signed.Length <= 10 * 1024, $"{signed.Length} bytes");
        Assert.True(sizes.Max() <= 10 * 1024, $"{sizes.Max()} bytes");
        Assert.True(snapshot > 100 * signed.Length, $"state {snapshot}, proof {signed.Length}");
    }

    private static void AssertRefused(AccountProof proof, Hash32 root, string what)
    {
        var code = proof.Verify(root, out var proven);
        Assert.True(code != ResultCode.Ok, $"{what}: the changed proof verified");
        Assert.Null(proven);
    }

    private static (LedgerState State, List<Address> Addresses) ManyAccounts(int count)
    {
        var state = NewState();
        var addresses = new List<Address>(Crowded);
        for (int i = 0; i < count; i++) addresses.Add(Address.ForModule("proof-account-" + i));
        // Two more buckets with two accounts each, beside the crafted one of three.
        addresses.Add(Crafted(0x01, 0x02, 0x01));
        addresses.Add(Crafted(0x01, 0x02, 0x02));
        addresses.Add(Crafted(0xfe, 0xdc, 0x07));
        addresses.Add(Crafted(0xfe, 0xdc, 0x08));
        for (int i = 0; i < addresses.Count; i++) Fund(state, addresses[i], (ulong)(i % 5), (ulong)(i + 1) * 1_000);
        var vested = state.GetOrCreate(addresses[5]);
        state.SetVesting(vested, new VestingSchedule(new Amount(1000), new Amount(10), 2, 3, 50));
        state.SetBalance(vested, Lp, new Amount(3));
        state.SetCohort(vested, Cohort.Founders);
        state.WriteRecord(StateKey.Of(9, 1, 7), [1, 2, 3]);
        state.Commit();
        return (state, addresses);
    }

    private static LedgerState NewState()
    {
        var state = new LedgerState("proof-chain", new ChainParams(new Amount(1000), 5000, Address.ForModule("proof-treasury")),
            [Validator.PublicKey], new ChainHead(0, Hash32.Zero, 0, Hash32.Zero));
        state.RegisterAsset(new AssetInfo(AssetId.Fsh, "FSH", 18, new Amount(1_000_000), null));
        state.RegisterAsset(new AssetInfo(AssetId.Usdf, "USDF", 6, new Amount(7), Address.ForModule("proof-issuer")));
        state.RegisterAsset(new AssetInfo(Lp, "LP", 18, new Amount(3), null));
        state.Commit();
        return state;
    }

    private static void Fund(LedgerState state, Address address, ulong nonce, ulong fsh)
    {
        var account = state.GetOrCreate(address);
        state.SetNonce(account, nonce);
        state.SetBalance(account, AssetId.Fsh, new Amount(fsh));
    }

    private static BlockHeader HeaderFor(LedgerState state, KeyPair proposer) =>
        new(state.ChainId, 1, Hash32.Zero, 1_000, Hash32.Zero, state.ComputeRoot(), Hash32.Zero, proposer.PublicKey, 0);

    private static Address Crafted(byte first, byte second, byte tail)
    {
        var bytes = new byte[Address.Size];
        bytes[0] = first;
        bytes[1] = second;
        bytes[2] = tail;
        bytes[19] = 0x5a;
        return Address.Read(bytes);
    }

    private static Hash32 Flip(Hash32 hash, int index)
    {
        var bytes = hash.ToArray();
        bytes[index] ^= 0x01;
        return Hash32.Read(bytes);
    }

    /// <summary>address ‖ u64 nonce (LE) ‖ cohort 0 ‖ one balance: count 1, u32 asset 0 (LE), amount (length, big-endian) ‖ no vesting.</summary>
    private static byte[] AccountBytesByHand(Address address, ulong nonce, byte fsh)
    {
        var nonceBytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(nonceBytes, nonce);
        return Concat(address.ToArray(), nonceBytes, [0x00], [0x01], [0, 0, 0, 0], [0x01, fsh], [0x00]);
    }

    /// <summary>assets (id, symbol, decimals, supply, issuer), min fee, validator bps, treasury, validators: written out field by field.</summary>
    private static byte[] GlobalsByHand(LedgerState state)
    {
        var bytes = new List<byte> { (byte)state.Assets.Count() };
        foreach (var asset in state.Assets)
        {
            var id = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(id, asset.Id.Value);
            bytes.AddRange(id);
            bytes.Add((byte)asset.Symbol.Length);
            bytes.AddRange(System.Text.Encoding.ASCII.GetBytes(asset.Symbol));
            bytes.Add(asset.Decimals);
            bytes.AddRange(AmountByHand(asset.Supply.U0));
            bytes.Add(asset.Issuer is null ? (byte)0 : (byte)1);
            if (asset.Issuer is { } issuer) bytes.AddRange(issuer.ToArray());
        }

        bytes.AddRange(AmountByHand(state.Params.MinFee.U0));
        bytes.AddRange([(byte)(state.Params.FeeValidatorBps & 0xff), (byte)(state.Params.FeeValidatorBps >> 8)]);
        bytes.AddRange(state.Params.Treasury.ToArray());
        bytes.Add((byte)state.Validators.Length);
        foreach (var validator in state.Validators) bytes.AddRange(validator.Bytes.ToArray());
        return [.. bytes];
    }

    private static byte[] AmountByHand(ulong value)
    {
        var big = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(big, value);
        var minimal = big.SkipWhile(b => b == 0).ToArray();
        return [(byte)minimal.Length, .. minimal];
    }

    /// <summary>The 16-ary tree over 65,536 buckets, level 0 (buckets) to level 4 (the root), empty nodes all zeros.</summary>
    private static List<byte[][]> TreeByHand(Dictionary<int, byte[]> buckets)
    {
        var zero = new byte[32];
        var level = new byte[65_536][];
        for (int i = 0; i < level.Length; i++) level[i] = buckets.GetValueOrDefault(i, zero);
        var levels = new List<byte[][]> { level };
        while (level.Length > 1)
        {
            var up = new byte[level.Length / 16][];
            for (int i = 0; i < up.Length; i++)
            {
                var children = level.Skip(i * 16).Take(16).ToArray();
                up[i] = children.All(c => c.SequenceEqual(zero)) ? zero : Sha(Concat([[0x01], .. children]));
            }

            levels.Add(up);
            level = up;
        }

        return levels;
    }

    private static List<byte[]> PathByHand(List<byte[][]> levels, int bucket)
    {
        var path = new List<byte[]>();
        for (int l = 0; l < 4; l++)
        {
            int first = bucket / 16 * 16;
            for (int i = first; i < first + 16; i++)
            {
                if (i != bucket) path.Add(levels[l][i]);
            }

            bucket /= 16;
        }

        return path;
    }

    private static byte[] Sha(byte[] data) => SHA256.HashData(data);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
