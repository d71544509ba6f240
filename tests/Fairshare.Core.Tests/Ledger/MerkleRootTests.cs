using System.Security.Cryptography;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.Blocks;
using Fairshare.Core.Primitives;
using Fairshare.Testing;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>
/// The roots and signed bytes of a block as docs/protocol/encoding.md defines them, with SHA-256 computed here by the
/// BCL's own implementation: a change to the tree's shape, its node prefix, the promotion of an odd node or the signing
/// domain changes every block hash, and must fail here rather than pass unseen.
/// </summary>
public sealed class MerkleRootTests
{
    private static Hash32 Leaf(int i) => Hash32.Read(SHA256.HashData([(byte)i]));

    private static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => SHA256.HashData([0x01, .. left, .. right]);

    private static byte[] Bytes(Hash32 hash)
    {
        var bytes = new byte[Hash32.Size];
        hash.CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public void Root_OfNoLeaves_IsZero_AndOfOneLeaf_IsTheLeaf()
    {
        Assert.Equal(Hash32.Zero, MerkleTree.Root([]));
        Assert.Equal(Leaf(7), MerkleTree.Root([Leaf(7)]));
    }

    [Fact]
    public void Root_OfTwoAndThreeAndFiveLeaves_FollowsTheSpec()
    {
        byte[] a = Bytes(Leaf(0)), b = Bytes(Leaf(1)), c = Bytes(Leaf(2)), d = Bytes(Leaf(3)), e = Bytes(Leaf(4));

        Assert.Equal(Node(a, b), Bytes(MerkleTree.Root([Leaf(0), Leaf(1)])));
        // Three: the third leaf is promoted unchanged to the next level.
        Assert.Equal(Node(Node(a, b), c), Bytes(MerkleTree.Root([Leaf(0), Leaf(1), Leaf(2)])));
        // Five: (ab)(cd)e → ((ab)(cd)) e.
        Assert.Equal(Node(Node(Node(a, b), Node(c, d)), e), Bytes(MerkleTree.Root([Leaf(0), Leaf(1), Leaf(2), Leaf(3), Leaf(4)])));
    }

    [Fact]
    public void Root_DependsOnTheOrderOfItsLeaves()
    {
        Assert.NotEqual(MerkleTree.Root([Leaf(0), Leaf(1)]), MerkleTree.Root([Leaf(1), Leaf(0)]));
    }

    [Fact]
    public void ABlocksTransactionRoot_IsTheRootOfItsTransactionIds()
    {
        var chain = TestChain.Create();
        var block = chain.Produce(chain.Transfer("alice", "bob", 1), chain.Transfer("bob", "carol", 2), chain.Transfer("carol", "zed", 3)).Block!;
        byte[] t0 = Bytes(block.Transactions[0].Id), t1 = Bytes(block.Transactions[1].Id), t2 = Bytes(block.Transactions[2].Id);

        Assert.Equal(Node(Node(t0, t1), t2), Bytes(block.Header.TransactionRoot));
    }

    [Fact]
    public void Validators_SignTheDomainThenTheBlockHash()
    {
        var chain = TestChain.Create();
        var header = chain.Produce(chain.Transfer("alice", "bob", 1)).Block!.Header;
        var writer = new Core.Encoding.CanonicalWriter(256);
        header.Encode(writer);
        byte[] hash = SHA256.HashData(writer.WrittenSpan);

        Assert.Equal([.. "fairshare/block/v1\0"u8, .. hash], header.SigningBytes());
        // A signature of the bare hash (no domain) is not a block signature.
        var bare = new BlockSignature(chain.Validator.PublicKey, chain.Validator.Sign(hash));
        Assert.False(bare.Verify(header));
        Assert.True(BlockSignature.Sign(header, chain.Validator).Verify(header));
    }
}
