using Fairshare.Core.Encoding;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Ledger.State;

/// <summary>
/// An account's state. Mutable only through <see cref="LedgerState"/>, which journals every change so a
/// failed transaction or block can be rolled back.
/// </summary>
public sealed class Account
{
    private AssetBalance[] _balances = [];

    internal Account(Address address) => Address = address;

    /// <summary>An account object that is not in any state: the sender of work the ledger does itself (end of block).</summary>
    public static Account Detached(Address address) => new(address);

    /// <summary>The account's address.</summary>
    public Address Address { get; }

    /// <summary>The next nonce this account must use.</summary>
    public ulong Nonce { get; internal set; }

    /// <summary>The genesis cohort tag.</summary>
    public Cohort Cohort { get; internal set; }

    /// <summary>The genesis vesting schedule, if any.</summary>
    public VestingSchedule? Vesting { get; internal set; }

    /// <summary>Non-zero balances, ordered by asset id.</summary>
    public IReadOnlyList<AssetBalance> Balances => _balances;

    internal bool Dirty { get; set; } = true;

    internal Hash32 LeafHash { get; set; }

    /// <summary>The balance of one asset (zero when none).</summary>
    public Amount BalanceOf(AssetId asset)
    {
        foreach (var balance in _balances)
        {
            if (balance.Asset == asset) return balance.Amount;
        }

        return Amount.Zero;
    }

    internal void SetBalanceRaw(AssetId asset, in Amount amount)
    {
        int index = -1;
        for (int i = 0; i < _balances.Length; i++)
        {
            if (_balances[i].Asset == asset) index = i;
        }

        if (index >= 0)
        {
            if (amount.IsZero)
            {
                var shorter = new AssetBalance[_balances.Length - 1];
                Array.Copy(_balances, 0, shorter, 0, index);
                Array.Copy(_balances, index + 1, shorter, index, _balances.Length - index - 1);
                _balances = shorter;
            }
            else
            {
                _balances[index] = new AssetBalance(asset, amount);
            }

            return;
        }

        if (amount.IsZero) return;
        int insertAt = 0;
        while (insertAt < _balances.Length && _balances[insertAt].Asset.Value < asset.Value) insertAt++;
        var longer = new AssetBalance[_balances.Length + 1];
        Array.Copy(_balances, 0, longer, 0, insertAt);
        longer[insertAt] = new AssetBalance(asset, amount);
        Array.Copy(_balances, insertAt, longer, insertAt + 1, _balances.Length - insertAt);
        _balances = longer;
    }

    /// <summary>True when the account holds nothing and has never sent a transaction.</summary>
    public bool IsEmpty => Nonce == 0 && _balances.Length == 0 && Vesting is null && Cohort == Cohort.None;

    /// <summary>The most balances an account encoding may list.</summary>
    public const int MaxBalances = 1 << 16;

    /// <summary>Decodes exactly one account encoding (nothing may follow it) into a detached account.</summary>
    public static ResultCode TryDecode(ReadOnlySpan<byte> bytes, out Account? account) => CanonicalReader.DecodeExactlyOne(bytes, Read, out account);

    /// <summary>
    /// Reads an account encoding (<see cref="Encode"/>) into a detached account; null when the reader failed.
    /// Balances must be non-zero and in strictly rising asset order, as the state keeps them, so each account has
    /// one encoding and each encoding one meaning.
    /// </summary>
    public static Account? Read(ref CanonicalReader reader)
    {
        var address = reader.ReadAddress();
        ulong nonce = reader.ReadU64();
        var cohort = (Cohort)reader.ReadU8();
        int balanceCount = reader.ReadLength(MaxBalances, ResultCode.TooManyItems);
        if (!reader.Ok) return null;
        var balances = new AssetBalance[balanceCount];
        for (int i = 0; i < balanceCount && reader.Ok; i++)
        {
            var asset = new AssetId(reader.ReadU32());
            var amount = reader.ReadAmount();
            if (reader.Ok && (amount.IsZero || (i > 0 && balances[i - 1].Asset.Value >= asset.Value))) reader.Fail(ResultCode.InvalidValue);
            balances[i] = new AssetBalance(asset, amount);
        }

        VestingSchedule? vesting = null;
        if (reader.ReadBool())
            vesting = new VestingSchedule(reader.ReadAmount(), reader.ReadAmount(), reader.ReadU64(), reader.ReadU64(), reader.ReadU64());
        if (!reader.Ok) return null;
        return new Account(address) { Nonce = nonce, Cohort = cohort, Vesting = vesting, _balances = balances };
    }

    /// <summary>The account's canonical encoding as a new array.</summary>
    public byte[] ToEncoding()
    {
        var writer = new CanonicalWriter(64 + _balances.Length * 40);
        Encode(writer);
        return writer.ToArray();
    }

    /// <summary>Writes the account's canonical encoding (the commitment leaf and the snapshot record).</summary>
    public void Encode(CanonicalWriter writer)
    {
        writer.WriteAddress(Address);
        writer.WriteU64(Nonce);
        writer.WriteU8((byte)Cohort);
        writer.WriteVarUInt((ulong)_balances.Length);
        foreach (var balance in _balances)
        {
            writer.WriteU32(balance.Asset.Value);
            writer.WriteAmount(balance.Amount);
        }

        writer.WriteBool(Vesting is not null);
        if (Vesting is not null)
        {
            writer.WriteAmount(Vesting.Total);
            writer.WriteAmount(Vesting.Claimed);
            writer.WriteU64(Vesting.StartHeight);
            writer.WriteU64(Vesting.CliffBlocks);
            writer.WriteU64(Vesting.DurationBlocks);
        }
    }
}
