using System.Reflection;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Tests.Ledger;

/// <summary>
/// Every field that goes into the state commitment moves the state root: two states that differ in exactly one
/// field (of an account, its balances or vesting schedule, an asset, the parameters, the validator set or a module
/// record) have different roots; making the same change in place on a live state gives the same root as building
/// the changed state from scratch; rolling the change back restores the old root.
/// </summary>
public sealed class StateRootCoverageTests
{
    private static readonly Address Issuer = Address.ForModule("root-issuer");
    private static readonly AssetId Lp = new(2);

    /// <summary>Everything a test state is built from; each case changes exactly one thing.</summary>
    public sealed record Fields
    {
        public Address Holder { get; init; } = Address.ForModule("root-holder");

        public ulong Nonce { get; init; } = 5;

        public Cohort Cohort { get; init; } = Cohort.Founders;

        public (AssetId Asset, Amount Amount)[] Balances { get; init; } = [(AssetId.Fsh, new Amount(100)), (AssetId.Usdf, new Amount(7))];

        public VestingSchedule? Vesting { get; init; } = new(new Amount(1000), new Amount(10), 2, 3, 50);

        public AssetInfo[] Assets { get; init; } =
        [
            new(AssetId.Fsh, "FSH", 18, new Amount(1000), null),
            new(AssetId.Usdf, "USDF", 6, new Amount(7), Issuer),
            new(Lp, "LP", 18, new Amount(3), null),
        ];

        public ChainParams Params { get; init; } = new(new Amount(1000), 5000, Address.ForModule("root-treasury"));

        public PublicKey[] Validators { get; init; } = [KeyPair.ForDevelopment("root-validator-1").PublicKey];

        public (byte[] Key, byte[] Value)[] Records { get; init; } = [([1, 2, 0, 0, 0, 3], [1, 2, 3]), ([7, 1], [9])];
    }

    private static readonly Fields Base = new();

    private static VestingSchedule BaseVesting => Base.Vesting!;

    /// <summary>A one-field change: how to build it, and (when the state has a setter for it) how to make it in place.</summary>
    private sealed record Change(Func<Fields, Fields> Build, Action<LedgerState, Account>? InPlace, bool Journaled = true);

    private static readonly Dictionary<string, Change> Changes = new()
    {
        ["account.address"] = new(f => f with { Holder = Address.ForModule("root-holder-2") }, null),
        ["account.nonce"] = new(f => f with { Nonce = 6 }, (s, a) => s.SetNonce(a, 6)),
        ["account.nonce.high-bit"] = new(f => f with { Nonce = 5 | 1UL << 63 }, (s, a) => s.SetNonce(a, 5 | 1UL << 63)),
        ["account.cohort"] = new(f => f with { Cohort = Cohort.Investors }, (s, a) => s.SetCohort(a, Cohort.Investors), Journaled: false),
        ["balance.amount"] = new(
            f => f with { Balances = [(AssetId.Fsh, new Amount(101)), (AssetId.Usdf, new Amount(7))] },
            (s, a) => s.SetBalance(a, AssetId.Fsh, new Amount(101))),
        ["balance.amount.top-limb"] = new(
            f => f with { Balances = [(AssetId.Fsh, new Amount(100, 0, 0, 1)), (AssetId.Usdf, new Amount(7))] },
            (s, a) => s.SetBalance(a, AssetId.Fsh, new Amount(100, 0, 0, 1))),
        ["balance.asset"] = new(
            f => f with { Balances = [(AssetId.Fsh, new Amount(100)), (Lp, new Amount(7))] },
            (s, a) =>
            {
                s.SetBalance(a, AssetId.Usdf, Amount.Zero);
                s.SetBalance(a, Lp, new Amount(7));
            }),
        ["balance.amounts-swapped"] = new(
            f => f with { Balances = [(AssetId.Fsh, new Amount(7)), (AssetId.Usdf, new Amount(100))] },
            (s, a) =>
            {
                s.SetBalance(a, AssetId.Fsh, new Amount(7));
                s.SetBalance(a, AssetId.Usdf, new Amount(100));
            }),
        ["balance.added"] = new(
            f => f with { Balances = [(AssetId.Fsh, new Amount(100)), (AssetId.Usdf, new Amount(7)), (Lp, Amount.One)] },
            (s, a) => s.SetBalance(a, Lp, Amount.One)),
        ["balance.removed"] = new(f => f with { Balances = [(AssetId.Fsh, new Amount(100))] }, (s, a) => s.SetBalance(a, AssetId.Usdf, Amount.Zero)),
        ["vesting.absent"] = new(f => f with { Vesting = null }, (s, a) => s.SetVesting(a, null)),
        ["vesting.total"] = new(f => f with { Vesting = BaseVesting with { Total = new Amount(1001) } }, (s, a) => s.SetVesting(a, BaseVesting with { Total = new Amount(1001) })),
        ["vesting.claimed"] = new(f => f with { Vesting = BaseVesting with { Claimed = new Amount(11) } }, (s, a) => s.SetVesting(a, BaseVesting with { Claimed = new Amount(11) })),
        ["vesting.start-height"] = new(f => f with { Vesting = BaseVesting with { StartHeight = 4 } }, (s, a) => s.SetVesting(a, BaseVesting with { StartHeight = 4 })),
        ["vesting.cliff-blocks"] = new(f => f with { Vesting = BaseVesting with { CliffBlocks = 4 } }, (s, a) => s.SetVesting(a, BaseVesting with { CliffBlocks = 4 })),
        ["vesting.duration-blocks"] = new(f => f with { Vesting = BaseVesting with { DurationBlocks = 51 } }, (s, a) => s.SetVesting(a, BaseVesting with { DurationBlocks = 51 })),
        ["asset.supply"] = new(f => f with { Assets = [f.Assets[0] with { Supply = new Amount(1001) }, f.Assets[1], f.Assets[2]] }, (s, _) => s.SetSupply(AssetId.Fsh, new Amount(1001))),
        ["asset.symbol"] = new(f => f with { Assets = [f.Assets[0] with { Symbol = "FSX" }, f.Assets[1], f.Assets[2]] }, null),
        ["asset.decimals"] = new(f => f with { Assets = [f.Assets[0] with { Decimals = 17 }, f.Assets[1], f.Assets[2]] }, null),
        ["asset.issuer"] = new(f => f with { Assets = [f.Assets[0], f.Assets[1] with { Issuer = Address.ForModule("root-issuer-2") }, f.Assets[2]] }, null),
        ["asset.issuer-absent"] = new(f => f with { Assets = [f.Assets[0], f.Assets[1] with { Issuer = null }, f.Assets[2]] }, null),
        ["asset.id"] = new(f => f with { Assets = [f.Assets[0], f.Assets[1], f.Assets[2] with { Id = new AssetId(3) }] }, null),
        ["asset.added"] = new(
            f => f with { Assets = [.. f.Assets, new AssetInfo(new AssetId(9), "NEW", 18, Amount.Zero, null)] },
            (s, _) => s.RegisterAsset(new AssetInfo(new AssetId(9), "NEW", 18, Amount.Zero, null))),
        ["asset.removed"] = new(f => f with { Assets = [f.Assets[0], f.Assets[1]] }, null),
        ["params.min-fee"] = new(f => f with { Params = f.Params with { MinFee = new Amount(1001) } }, (s, _) => s.SetParams(s.Params with { MinFee = new Amount(1001) })),
        ["params.fee-validator-bps"] = new(f => f with { Params = f.Params with { FeeValidatorBps = 5001 } }, (s, _) => s.SetParams(s.Params with { FeeValidatorBps = 5001 })),
        ["params.treasury"] = new(
            f => f with { Params = f.Params with { Treasury = Address.ForModule("root-treasury-2") } },
            (s, _) => s.SetParams(s.Params with { Treasury = Address.ForModule("root-treasury-2") })),
        ["validators.replaced"] = new(f => f with { Validators = [KeyPair.ForDevelopment("root-validator-2").PublicKey] }, null),
        ["validators.added"] = new(f => f with { Validators = [.. f.Validators, KeyPair.ForDevelopment("root-validator-2").PublicKey] }, null),
        ["record.value"] = new(f => f with { Records = [([1, 2, 0, 0, 0, 3], [1, 2, 4]), f.Records[1]] }, (s, _) => s.WriteRecord(Key(1, 2, 0, 0, 0, 3), [1, 2, 4])),
        ["record.value-longer"] = new(f => f with { Records = [([1, 2, 0, 0, 0, 3], [1, 2, 3, 0]), f.Records[1]] }, (s, _) => s.WriteRecord(Key(1, 2, 0, 0, 0, 3), [1, 2, 3, 0])),
        ["record.key"] = new(
            f => f with { Records = [([1, 2, 0, 0, 0, 4], [1, 2, 3]), f.Records[1]] },
            (s, _) =>
            {
                s.WriteRecord(Key(1, 2, 0, 0, 0, 3), null);
                s.WriteRecord(Key(1, 2, 0, 0, 0, 4), [1, 2, 3]);
            }),
        ["record.key-value-boundary"] = new(
            f => f with { Records = [([1, 2, 0, 0, 0, 3, 1], [2, 3]), f.Records[1]] },
            (s, _) =>
            {
                s.WriteRecord(Key(1, 2, 0, 0, 0, 3), null);
                s.WriteRecord(Key(1, 2, 0, 0, 0, 3, 1), [2, 3]);
            }),
        ["record.removed"] = new(f => f with { Records = [f.Records[0]] }, (s, _) => s.WriteRecord(Key(7, 1), null)),
        ["record.added"] = new(f => f with { Records = [.. f.Records, ([3, 3, 0, 0, 0, 1], [])] }, (s, _) => s.WriteRecord(Key(3, 3, 0, 0, 0, 1), [])),
    };

    private static StateKey Key(params byte[] bytes) => StateKey.FromBytes(bytes)!.Value;

    private static LedgerState Build(Fields f)
    {
        var state = new LedgerState("root-coverage", f.Params, [.. f.Validators], new ChainHead(0, Hash32.Zero, 0, Hash32.Zero));
        foreach (var asset in f.Assets) state.RegisterAsset(asset);
        var holder = state.GetOrCreate(f.Holder);
        state.SetNonce(holder, f.Nonce);
        state.SetCohort(holder, f.Cohort);
        foreach (var (asset, amount) in f.Balances) state.SetBalance(holder, asset, amount);
        state.SetVesting(holder, f.Vesting);
        // A second account, untouched by every case, so the holder is not alone in the commitment.
        state.SetBalance(state.GetOrCreate(Address.ForModule("root-bystander")), AssetId.Fsh, new Amount(900));
        foreach (var (key, value) in f.Records) state.WriteRecord(Key(key), value);
        state.Commit();
        return state;
    }

    public static TheoryData<string> ChangeNames() => new(Changes.Keys);

    public static TheoryData<string> InPlaceChangeNames() => new(Changes.Where(c => c.Value.InPlace is not null).Select(c => c.Key));

    [Fact]
    public void TheSameFields_GiveTheSameRoot()
    {
        Assert.Equal(Build(Base).ComputeRoot(), Build(new Fields()).ComputeRoot());
    }

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public void ChangingOneField_ChangesTheRoot(string change)
    {
        var changed = Changes[change].Build(Base);
        Assert.NotEqual(Base, changed);
        Assert.NotEqual(Build(Base).ComputeRoot(), Build(changed).ComputeRoot());
    }

    [Theory]
    [MemberData(nameof(InPlaceChangeNames))]
    public void ChangingOneFieldInPlace_GivesTheRootOfTheChangedState_AndRollbackRestoresIt(string change)
    {
        var state = Build(Base);
        var baseRoot = state.ComputeRoot();
        var holder = state.Find(Base.Holder)!;
        int checkpoint = state.Checkpoint();

        Changes[change].InPlace!(state, holder);

        var changedRoot = state.ComputeRoot();
        Assert.NotEqual(baseRoot, changedRoot);
        Assert.Equal(Build(Changes[change].Build(Base)).ComputeRoot(), changedRoot);
        if (Changes[change].Journaled)
        {
            state.Rollback(checkpoint);
            Assert.Equal(baseRoot, state.ComputeRoot());
        }
    }

    [Fact]
    public void EveryCommittedFieldHasACase()
    {
        // A field added to any committed record must get a case above (and a place in the commitment).
        static string[] Props(Type t) =>
            [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(["Address", "Balances", "Cohort", "IsEmpty", "Nonce", "Vesting"], Props(typeof(Account)));
        Assert.Equal(["Amount", "Asset"], Props(typeof(AssetBalance)));
        Assert.Equal(["Claimed", "CliffBlocks", "DurationBlocks", "StartHeight", "Total"], Props(typeof(VestingSchedule)));
        Assert.Equal(["Decimals", "Id", "Issuer", "Supply", "Symbol"], Props(typeof(AssetInfo)));
        Assert.Equal(["FeeValidatorBps", "MinFee", "Treasury"], Props(typeof(ChainParams)));
        // ChainId and Head are not part of the state root (the head records the root; the chain id is in every
        // transaction and header). Everything else is.
        Assert.Equal(["AccountCount", "AllRecords", "Assets", "ChainId", "Head", "Params", "Validators"], Props(typeof(LedgerState)));

        var prefixes = Changes.Keys.Select(k => k.Split('.')[0] + "." + k.Split('.').ElementAtOrDefault(1)).ToHashSet();
        foreach (var required in new[]
        {
            "account.address", "account.nonce", "account.cohort", "balance.amount", "balance.asset", "vesting.absent",
            "vesting.total", "vesting.claimed", "vesting.start-height", "vesting.cliff-blocks", "vesting.duration-blocks",
            "asset.id", "asset.symbol", "asset.decimals", "asset.supply", "asset.issuer", "params.min-fee",
            "params.fee-validator-bps", "params.treasury", "validators.replaced", "record.key", "record.value",
        })
        {
            Assert.Contains(required, prefixes);
        }
    }
}
