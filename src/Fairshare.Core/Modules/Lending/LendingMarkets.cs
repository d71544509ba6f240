using System.Numerics;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Modules.Math;
using Fairshare.Core.Primitives;

namespace Fairshare.Core.Modules.Lending;

/// <summary>
/// Where the lending module keeps its records: markets by underlying asset, account borrows per market, the index
/// of cToken assets, the parameters, and the flash loans out within the running transaction.
/// </summary>
public static class LendingMarkets
{
    private const byte MarketTable = 1;
    private const byte BorrowTable = 2;
    private const byte CTokenTable = 3;
    private const byte ParamsTable = 4;
    private const byte FlashTable = 5;

    /// <summary>The market's own account, which holds its cash.</summary>
    public static Address Account(AssetId underlying) => Address.ForModule($"lending/market/{underlying.Value}");

    /// <summary>The market of an underlying asset, or null.</summary>
    public static Market? Get(LedgerState state, AssetId underlying) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Lending, MarketTable, underlying.Value)) is { } bytes ? Market.Decode(bytes) : null;

    /// <summary>Every market in underlying-asset order (the order account liquidity sums them in).</summary>
    public static IEnumerable<Market> All(LedgerState state) =>
        state.Records(ModuleIds.Lending, MarketTable).Select(r => Market.Decode(r.Value));

    /// <summary>Stores a market (new or changed).</summary>
    public static void Put(LedgerState state, Market market) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Lending, MarketTable, market.Underlying.Value), market.Encode());

    /// <summary>Whether the asset is some market's cToken.</summary>
    public static bool IsCToken(LedgerState state, AssetId asset) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Lending, CTokenTable, asset.Value)) is not null;

    /// <summary>Records that <paramref name="cToken"/> is the share asset of <paramref name="underlying"/>'s market.</summary>
    public static void IndexCToken(LedgerState state, AssetId cToken, AssetId underlying) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Lending, CTokenTable, cToken.Value), Word(underlying.Value));

    /// <summary>An account's borrow in a market (<see cref="AccountBorrow.None"/> when it has none).</summary>
    public static AccountBorrow Borrow(LedgerState state, AssetId underlying, Address account) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Lending, BorrowTable, underlying.Value, account)) is { } bytes ? AccountBorrow.Decode(bytes) : AccountBorrow.None;

    /// <summary>
    /// Whether any account owes any market (a borrow record exists only while its principal is not zero). A market's
    /// <see cref="Market.TotalBorrows"/> may keep a few base units of rounding after the last borrower repaid; this does not.
    /// </summary>
    public static bool AnyBorrow(LedgerState state) => state.Records(ModuleIds.Lending, BorrowTable).Any();

    /// <summary>Stores an account's borrow; a zero principal deletes the record.</summary>
    public static void PutBorrow(LedgerState state, AssetId underlying, Address account, AccountBorrow borrow) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Lending, BorrowTable, underlying.Value, account), borrow.Principal.IsZero ? null : borrow.Encode());

    /// <summary>The module's parameters (the defaults until governance sets them).</summary>
    public static LendingParams Params(LedgerState state) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Lending, ParamsTable)) is { } bytes ? LendingParams.Decode(bytes) : LendingParams.Default;

    /// <summary>Sets the module's parameters (governance); refuses values out of range.</summary>
    public static ResultCode SetParams(LedgerState state, LendingParams parameters)
    {
        if (!parameters.IsValid()) return ResultCode.ParameterOutOfRange;
        state.WriteRecord(StateKey.Of(ModuleIds.Lending, ParamsTable), parameters.Encode());
        return ResultCode.Ok;
    }

    /// <summary>Sets one market's risk settings (governance); refuses values out of range.</summary>
    public static ResultCode SetRisk(LedgerState state, AssetId underlying, MarketRisk risk)
    {
        var market = Get(state, underlying);
        if (market is null) return ResultCode.LendMarketNotFound;
        if (!risk.IsValid()) return ResultCode.ParameterOutOfRange;
        Put(state, market with { Risk = risk });
        return ResultCode.Ok;
    }

    /// <summary>What flash loans of the market have paid out in the running transaction and not yet taken back.</summary>
    public static BigInteger FlashOutstanding(LedgerState state, AssetId underlying) =>
        state.ReadRecord(StateKey.Of(ModuleIds.Lending, FlashTable, underlying.Value)) is { } bytes
            ? Amount.ReadBigEndian(bytes).ToBigInteger()
            : BigInteger.Zero;

    /// <summary>Sets the flash loans out; zero deletes the record, so none is ever committed.</summary>
    public static void SetFlashOutstanding(LedgerState state, AssetId underlying, BigInteger amount) =>
        state.WriteRecord(StateKey.Of(ModuleIds.Lending, FlashTable, underlying.Value), amount.IsZero ? null : Word(amount));

    /// <summary>The market account's balance of the underlying: what can be paid out now.</summary>
    public static BigInteger Balance(LedgerState state, Market market) =>
        state.BalanceOf(Account(market.Underlying), market.Underlying).ToBigInteger();

    /// <summary>
    /// The market's cash for rates and the exchange rate (Compound's <c>getCashPrior</c>): its balance plus any flash loan
    /// out, so a flash loan moves neither the interest rate nor the cToken's value while it is out.
    /// </summary>
    public static BigInteger Cash(LedgerState state, Market market) => Balance(state, market) + FlashOutstanding(state, market.Underlying);

    /// <summary>§3.6 <c>exchangeRateStored</c> of the market as it stands.</summary>
    public static BigInteger ExchangeRate(LedgerState state, Market market) =>
        CompoundV2Math.ExchangeRateStored(Cash(state, market), market.TotalBorrows, market.TotalReserves,
            state.FindAsset(market.CToken)!.Supply.ToBigInteger(), market.InitialExchangeRate);

    private static byte[] Word(BigInteger value)
    {
        var bytes = new byte[32];
        ToAmount(value).WriteBigEndian(bytes);
        return bytes;
    }

    /// <summary>A uint256 result as an amount (the math already range-checked it).</summary>
    internal static Amount ToAmount(BigInteger value) =>
        Amount.TryFromBigInteger(value, out var amount)
            ? amount
            : throw new RevertException(value.Sign < 0 ? Checked.Underflow : Checked.Overflow);
}
