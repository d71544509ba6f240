using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Fairshare.Node.Chain;
using Fairshare.Testing;
using Microsoft.Data.Sqlite;

namespace Fairshare.Node.Tests.Chain;

public sealed class LedgerNodeTests : IDisposable
{
    private readonly TempDataDirectory _dir = new();
    private readonly TestChain _keys = TestChain.Create();

    public void Dispose() => _dir.Dispose();

    private SignedTransaction Transfer(LedgerNode node, string from, string to, ulong amount)
    {
        var key = _keys.Key(from);
        ulong nonce = node.State.Find(key.Address)?.Nonce ?? 0;
        return SignedTransaction.Sign(new Transaction(TestChain.Id, nonce, TestChain.MinFee, new TransferPayload(_keys.Key(to).Address, AssetId.Fsh, new Amount(amount))), key);
    }

    [Fact]
    public void Open_WithoutInit_SaysWhatToDo()
    {
        var missing = new DataDirectory(Path.Combine(_dir.Data.Root, "nothing-here"));
        var error = Assert.Throws<UserFacingException>(() => LedgerNode.Open(missing));
        Assert.Equal("not_initialized", error.Code);
        Assert.Contains("fairshare init", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(3UL)]
    public void Restart_RecoversExactlyTheCommittedState(ulong snapshotInterval)
    {
        Hash32 root;
        ulong height;
        using (var node = LedgerNode.Open(_dir.Data))
        {
            node.SnapshotInterval = snapshotInterval;
            for (int i = 0; i < 8; i++)
            {
                var outcome = node.Commit([Transfer(node, "alice", "bob", 10), Transfer(node, "bob", "carol", 3)]);
                Assert.NotNull(outcome.Produced);
            }

            root = node.State.ComputeRoot();
            height = node.State.Head.Height;
        }

        using var reopened = LedgerNode.Open(_dir.Data);
        Assert.Equal(height, reopened.State.Head.Height);
        Assert.Equal(root, reopened.State.ComputeRoot());
        Assert.Equal(root, reopened.State.Head.StateRoot);
        Assert.Equal(2, reopened.ReadBlock(height)!.Transactions.Length);
        Assert.Equal(2, reopened.ReadReceipts(height).Length);
    }

    [Fact]
    public void BadSignature_IsRejected_AndNoBlockIsStored()
    {
        using var node = LedgerNode.Open(_dir.Data);
        var good = Transfer(node, "alice", "bob", 10);
        var forged = new SignedTransaction(good.Body, good.Signer, new byte[64]);
        var root = node.State.ComputeRoot();
        var outcome = node.Commit([forged]);
        Assert.Null(outcome.Produced);
        Assert.Equal(ResultCode.BadSignature, Assert.Single(outcome.Rejected).Code);
        Assert.Equal(root, node.State.ComputeRoot());
        Assert.Equal(0UL, node.State.Head.Height);
        Assert.Null(node.ReadBlock(1));
    }

    [Fact]
    public void MixedCandidates_CommitTheGoodOnes_AndReportTheRest()
    {
        using var node = LedgerNode.Open(_dir.Data);
        var good = Transfer(node, "alice", "bob", 10);
        var overdraw = SignedTransaction.Sign(new Transaction(TestChain.Id, 0, TestChain.MinFee,
            new TransferPayload(_keys.Key("alice").Address, AssetId.Fsh, TestChain.StartingBalance * new Amount(2))), _keys.Key("carol"));
        var outcome = node.Commit([good, overdraw]);
        Assert.Single(outcome.Produced!.Block!.Transactions);
        Assert.Equal(ResultCode.InsufficientBalance, Assert.Single(outcome.Rejected).Code);
    }

    [Fact]
    public void VerifyChain_AcceptsAGoodChain_AndFindsATamperedBlock()
    {
        using (var node = LedgerNode.Open(_dir.Data))
        {
            for (int i = 0; i < 4; i++) node.Commit([Transfer(node, "alice", "bob", 10 + (ulong)i)]);
        }

        var good = ChainVerifier.Verify(_dir.Data);
        Assert.True(good.IsOk, good.Failure);
        Assert.Equal(4UL, good.BlocksChecked);
        Assert.Equal(4L, good.TransactionsChecked);

        using (var connection = new SqliteConnection($"Data Source={_dir.Data.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT body FROM blocks WHERE height = 3";
            var body = (byte[])read.ExecuteScalar()!;
            body[^70] ^= 0x01;
            using var write = connection.CreateCommand();
            write.CommandText = "UPDATE blocks SET body = $b WHERE height = 3";
            write.Parameters.AddWithValue("$b", body);
            write.ExecuteNonQuery();
        }

        var bad = ChainVerifier.Verify(_dir.Data);
        Assert.False(bad.IsOk);
        Assert.Equal(3UL, bad.FailedHeight);
        Assert.Equal(2UL, bad.BlocksChecked);
    }

    [Fact]
    public void Open_WithAnEncryptedNodeKey_NeedsItsPassphrase_AndOpensWithIt()
    {
        const string passphrase = "validator passphrase";
        Assert.True(NodeKeyFile.Encrypt(_dir.Data.NodeKeyPath, passphrase, Fairshare.Node.Wallet.KeystoreKdfParams.PublicSeed).IsOk);

        var locked = Assert.Throws<UserFacingException>(() => LedgerNode.Open(_dir.Data));
        Assert.Equal(NodeKeyFile.LockedCode, locked.Code);
        var wrong = Assert.Throws<UserFacingException>(() => LedgerNode.Open(_dir.Data, passphrase: () => "wrong"));
        Assert.Equal(NodeKeyFile.WrongPassphraseCode, wrong.Code);
        Assert.False(File.Exists(_dir.Data.DatabasePath)); // refused before the store was opened

        using var node = LedgerNode.Open(_dir.Data, passphrase: () => passphrase);
        using var expected = Core.Crypto.KeyPair.ForDevelopment("test-validator");
        Assert.Equal(expected.PublicKey, node.Key.PublicKey);
    }

    [Fact]
    public void CorruptGenesis_IsReportedWithItsCode()
    {
        File.WriteAllText(_dir.Data.GenesisPath, "{ not json");
        var error = Assert.Throws<UserFacingException>(() => LedgerNode.Open(_dir.Data));
        Assert.Equal(nameof(ResultCode.GenesisMalformed), error.Code);
    }
}
