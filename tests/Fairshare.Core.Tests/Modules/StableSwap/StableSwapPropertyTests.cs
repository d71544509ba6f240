using System.Numerics;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Modules.StableSwap;
using Fairshare.Core.Primitives;
using FsCheck.Xunit;
using static Fairshare.Core.Tests.Modules.StableSwap.StableChain;

namespace Fairshare.Core.Tests.Modules.StableSwap;

/// <summary>Invariants of StableSwap pools over random sequences of user transactions, valid and invalid.</summary>
public sealed class StableSwapPropertyTests
{
    private static readonly string[] Traders = ["alice", "bob", "carol", "dave"];

    /// <summary>Turns script bytes into one StableSwap transaction, sized from dust to more than anyone holds.</summary>
    private static (TxPayload Payload, bool IsExchange) Step(byte op, byte size, byte extra)
    {
        var unit = (extra % 3) switch { 0 => Units("1"), 1 => Units("0.001"), _ => Units("100") };
        var amount = new Amount(1UL + size) * unit;
        byte i = (byte)(extra % 2);
        return (op % 6) switch
        {
            0 or 1 => (new StableExchangePayload(PoolId, i, (byte)(1 - i), amount, Amount.Zero), true),
            2 => (new StableAddLiquidityPayload(PoolId, [amount, extra % 5 == 0 ? Amount.Zero : amount / new Amount(1 + (ulong)(extra % 4))], Amount.Zero), false),
            3 => (new StableRemoveLiquidityPayload(PoolId, amount / new Amount(10), [Amount.Zero, Amount.Zero]), false),
            4 => (new StableRemoveOneCoinPayload(PoolId, amount / new Amount(10), i, Amount.Zero), false),
            _ => (new StableExchangePayload(PoolId, i, (byte)(extra % 7 == 0 ? 3 : 1 - i), amount, Amount.MaxValue), true),
        };
    }

    [Property(MaxTest = 40)]
    public void DNeverFallsOnExchange_VirtualPriceNeverFalls_SupplyIsConserved_AndFailuresChangeNothing(byte[] script)
    {
        var stable = Create();
        foreach (var name in Traders) stable.Ok("carol", new TransferPayload(stable.Address(name), stable.Pool().LpAsset, Units("50")));
        for (int s = 0; s + 3 < script.Length && s < 100; s += 4)
        {
            var state = stable.Chain.State;
            var before = stable.Pool();
            var dBefore = StablePools.Invariant(state, before);
            var priceBefore = StablePools.VirtualPrice(state, before);
            var fingerprint = stable.Chain.Fingerprint();
            var (payload, isExchange) = Step(script[s], script[s + 1], script[s + 2]);
            var produced = stable.Chain.Produce(stable.Chain.Sign(Traders[script[s + 3] % Traders.Length], payload));
            var after = stable.Pool();

            if (!produced.Rejected.IsEmpty)
            {
                Assert.Equal(before.Encode(), after.Encode());
                Assert.Equal(fingerprint, stable.Chain.Fingerprint());
                continue;
            }

            if (isExchange) Assert.True(StablePools.Invariant(state, after) >= dBefore, "D fell across an exchange");
            var priceAfter = StablePools.VirtualPrice(state, after);
            if (priceBefore is { } p0 && priceAfter is { } p1) Assert.True(p1 >= p0, $"virtual price fell from {p0} to {p1} on {payload.Kind}");
            stable.AssertConserved();
        }
    }
}
