using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace Fairshare.Cli.Tests;

/// <summary>
/// Issue 20, "honest output": after a DeFi transaction commits, <c>dex</c> and <c>stable</c> say what the chain actually
/// did (the fill, the price, the fee, the shares), in tokens for a person and in base units under <c>--json</c>. Every
/// expected value here comes from the account's balances before and after, or from the Uniswap V2 formulas written out
/// below, never from the code under test.
/// </summary>
public sealed class FillOutputTests : CliTestBase
{
    private static readonly BigInteger Token = BigInteger.Pow(10, 18);

    public FillOutputTests()
    {
        Json("usdf", "mint", "--from", "usdf-issuer", "--to", "alice", "--amount", "5000");
    }

    [Fact]
    public void DexSwap_ExactIn_SaysWhatTheChainPaid_ThePrice_TheLpFee_AndTheLimit()
    {
        Ok("dex", "add", "--from", "alice", "--a", "FSH", "--b", "USDF", "--amount-a", "100", "--amount-b", "200");

        var usdfBefore = Balance("alice", "USDF");
        var run = Cli.Run("dex", "swap", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        var fill = GetAmountOut(Token, 100 * Token, 200 * Token);
        Assert.Equal(BigInteger.Parse("1974316068794122597", CultureInfo.InvariantCulture), fill); // 199.4 / 100.997 USDF
        Assert.Equal(fill, Balance("alice", "USDF") - usdfBefore);
        Assert.Contains("ok sold 1 FSH for 1.974316068794122597 USDF", run.Stdout, StringComparison.Ordinal);
        // 1.974316… USDF per FSH to six significant digits; the LP fee is 0.3% of the 1 FSH sold.
        Assert.Contains("price 1.97432 USDF per FSH, LP fee 0.003 FSH", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"slippage limit 0.5%: at least {Tokens(fill * 9950 / 10000)} USDF", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("E+", run.Stdout, StringComparison.Ordinal);

        // The other way, under --json: 10 USDF in, on the reserves the first swap left.
        var (reserveFsh, reserveUsdf) = Reserves();
        var (fshBefore, usdfBefore2) = (Balance("alice", "FSH"), Balance("alice", "USDF"));
        var sent = Json("dex", "swap", "--from", "alice", "--sell", "USDF", "--buy", "FSH", "--amount", "10");
        var expected = GetAmountOut(10 * Token, reserveUsdf, reserveFsh);
        AssertAmount(sent["sold"], "USDF", 10 * Token);
        AssertAmount(sent["received"], "FSH", expected);
        Assert.Equal(usdfBefore2 - 10 * Token, Balance("alice", "USDF"));
        Assert.Equal(fshBefore + expected - TxFee(sent), Balance("alice", "FSH"));
        var fee = Assert.Single(sent["lpFees"]!.AsArray());
        AssertAmount(fee, "USDF", 10 * Token * 3 / 1000);
        AssertAmount(sent["minReceived"], "FSH", expected * 9950 / 10000);
        Assert.Equal(50, sent["slippageBps"]!.GetValue<int>());
        Assert.Equal("USDF", sent["price"]!["quote"]!.GetValue<string>());
        Assert.Equal("FSH", sent["price"]!["base"]!.GetValue<string>());
        var price = decimal.Parse(sent["price"]!["value"]!.GetValue<string>(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(price - 10m / ((decimal)expected / (decimal)Token)) < 0.000000000001m, $"price {price} for 10 USDF → {expected} FSH units");
    }

    [Fact]
    public void DexSwap_ExactOut_SaysWhatItCost()
    {
        Ok("dex", "add", "--from", "alice", "--a", "FSH", "--b", "USDF", "--amount-a", "100", "--amount-b", "200");

        var usdfBefore = Balance("alice", "USDF");
        var run = Cli.Run("dex", "swap", "--from", "alice", "--sell", "USDF", "--buy", "FSH", "--amount", "1", "--exact-out", "--slippage", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        var cost = GetAmountIn(Token, 200 * Token, 100 * Token);
        Assert.Equal(cost, usdfBefore - Balance("alice", "USDF"));
        Assert.Contains($"ok bought 1 FSH for {Tokens(cost)} USDF", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"LP fee {Tokens(cost * 3 / 1000)} USDF", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"slippage limit 1%: at most {Tokens(cost * 10100 / 10000)} USDF", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void DexSwap_MultiHop_SaysTheFillAtTheEnd_AndTheLpFeeOfEveryHop()
    {
        // Two pools, FSH/USDF (100/200) and USDF/LP-FSH-USDF (100/50): sell LP shares for FSH through USDF.
        Ok("dex", "add", "--from", "alice", "--a", "FSH", "--b", "USDF", "--amount-a", "100", "--amount-b", "200");
        Ok("dex", "add", "--from", "alice", "--a", "USDF", "--b", "LP-FSH-USDF", "--amount-a", "100", "--amount-b", "50");

        var lpBefore = Balance("alice", "LP-FSH-USDF");
        var run = Cli.Run("dex", "swap", "--from", "alice", "--sell", "LP-FSH-USDF", "--buy", "FSH", "--via", "USDF", "--amount", "1");
        Assert.True(run.ExitCode == 0, run.ToString());
        var middle = GetAmountOut(Token, 50 * Token, 100 * Token);
        var fill = GetAmountOut(middle, 200 * Token, 100 * Token);
        Assert.Equal(lpBefore - Token, Balance("alice", "LP-FSH-USDF"));
        Assert.Contains($"ok sold 1 LP-FSH-USDF for {Tokens(fill)} FSH", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"LP fees 0.003 LP-FSH-USDF + {Tokens(middle * 3 / 1000)} USDF", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void DexAddAndRemove_SayWhatWasDeposited_TheSharesMinted_AndWhatCameBack()
    {
        // The first deposit mints √(100 · 200) shares less the 1000 base units locked forever (Uniswap V2's MINIMUM_LIQUIDITY).
        var first = Cli.Run("dex", "add", "--from", "alice", "--a", "FSH", "--b", "USDF", "--amount-a", "100", "--amount-b", "200");
        Assert.True(first.ExitCode == 0, first.ToString());
        var minted = Sqrt(100 * Token * 200 * Token) - 1000;
        Assert.Equal(minted, Balance("alice", "LP-FSH-USDF"));
        Assert.Contains("ok added liquidity to the FSH/USDF pool: deposited 100 FSH and 200 USDF", first.Stdout, StringComparison.Ordinal);
        Assert.Contains($"minted {Tokens(minted)} LP-FSH-USDF", first.Stdout, StringComparison.Ordinal);

        // 10 FSH and up to 50 USDF at the pool's 1:2 ratio: 20 USDF go in, and the shares are the smaller pro-rata part.
        var supply = LpSupply();
        var (lpBefore, usdfBefore) = (Balance("alice", "LP-FSH-USDF"), Balance("alice", "USDF"));
        var added = Json("dex", "add", "--from", "alice", "--a", "FSH", "--b", "USDF", "--amount-a", "10", "--amount-b", "50");
        var deposited = added["deposited"]!.AsArray();
        Assert.Equal(2, deposited.Count);
        AssertAmount(deposited[0], "FSH", 10 * Token);
        AssertAmount(deposited[1], "USDF", 20 * Token);
        Assert.Equal(usdfBefore - 20 * Token, Balance("alice", "USDF"));
        var shares = BigInteger.Min(10 * Token * supply / (100 * Token), 20 * Token * supply / (200 * Token));
        AssertAmount(added["lpShares"], "LP-FSH-USDF", shares);
        Assert.Equal(lpBefore + shares, Balance("alice", "LP-FSH-USDF"));

        // Burning 5 shares pays 5/supply of each reserve.
        var (reserveFsh, reserveUsdf) = Reserves();
        supply = LpSupply();
        usdfBefore = Balance("alice", "USDF");
        var removed = Json("dex", "remove", "--from", "alice", "--a", "FSH", "--b", "USDF", "--liquidity", "5");
        AssertAmount(removed["burned"], "LP-FSH-USDF", 5 * Token);
        var withdrawn = removed["withdrawn"]!.AsArray();
        Assert.Equal(2, withdrawn.Count);
        AssertAmount(withdrawn[0], "FSH", 5 * Token * reserveFsh / supply);
        AssertAmount(withdrawn[1], "USDF", 5 * Token * reserveUsdf / supply);
        Assert.Equal(usdfBefore + 5 * Token * reserveUsdf / supply, Balance("alice", "USDF"));

        (reserveFsh, reserveUsdf) = Reserves();
        supply = LpSupply();
        var text = Cli.Run("dex", "remove", "--from", "alice", "--a", "USDF", "--b", "FSH", "--liquidity", "1");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("ok removed liquidity from the FSH/USDF pool: burned 1 LP-FSH-USDF", text.Stdout, StringComparison.Ordinal);
        Assert.Contains($"received {Tokens(Token * reserveFsh / supply)} FSH and {Tokens(Token * reserveUsdf / supply)} USDF", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void StableExchange_SaysTheNetFill_AndTheFeeInTheBoughtCoin_AddAndRemoveTheirShares()
    {
        var lpBefore = Balance("alice", "SS-FSH-USDF");
        var added = Json("stable", "add", "--from", "alice", "--assets", "FSH,USDF", "--amounts", "100,100");
        var deposited = added["deposited"]!.AsArray();
        AssertAmount(deposited[0], "FSH", 100 * Token);
        AssertAmount(deposited[1], "USDF", 100 * Token);
        Assert.Equal(lpBefore + Amount(added["lpShares"], "SS-FSH-USDF"), Balance("alice", "SS-FSH-USDF"));
        var pool = Json("stable", "pools").AsArray().Single()!;
        var feeRate = pool["fee"]!.GetValue<ulong>(); // a fraction of 10^10

        var usdfBefore = Balance("alice", "USDF");
        var sold = Json("stable", "exchange", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "10");
        var received = Balance("alice", "USDF") - usdfBefore;
        AssertAmount(sold["sold"], "FSH", 10 * Token);
        AssertAmount(sold["received"], "USDF", received);
        // Curve charges its fee on the fee-free output, in the coin bought: what came in is that output less the fee.
        var fee = Assert.Single(sold["lpFees"]!.AsArray());
        var lpFee = Amount(fee, "USDF");
        Assert.Equal((received + lpFee) * feeRate / 10_000_000_000, lpFee);
        Assert.True(lpFee > 0);

        usdfBefore = Balance("alice", "USDF");
        var text = Cli.Run("stable", "exchange", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "1");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains($"ok sold 1 FSH for {Tokens(Balance("alice", "USDF") - usdfBefore)} USDF", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("USDF per FSH, LP fee ", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("ok removed liquidity from the FSH/USDF stable pool", Cli.Run("stable", "remove", "--from", "alice", "--pool", "1", "--lp", "1").Stdout, StringComparison.Ordinal);

        usdfBefore = Balance("alice", "USDF");
        var fshBefore = Balance("alice", "FSH");
        var removed = Json("stable", "remove", "--from", "alice", "--pool", "1", "--lp", "10");
        AssertAmount(removed["burned"], "SS-FSH-USDF", 10 * Token);
        var withdrawn = removed["withdrawn"]!.AsArray();
        Assert.Equal(2, withdrawn.Count);
        AssertAmount(withdrawn[1], "USDF", Balance("alice", "USDF") - usdfBefore);
        AssertAmount(withdrawn[0], "FSH", Balance("alice", "FSH") - fshBefore + TxFee(removed));
    }

    [Fact]
    public async Task DexSwap_AcknowledgedButNotCommitted_SaysPending_AndInventsNoFill()
    {
        Ok("dex", "add", "--from", "alice", "--a", "FSH", "--b", "USDF", "--amount-a", "100", "--amount-b", "200");
        await using var server = await TestNodeServer.StartAsync(Cli.Home);
        server.AcknowledgeOnly = true;
        string node = server.Url.ToString();
        var before = Json("balance", "alice", "--node", node);

        var text = Cli.Run("dex", "swap", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "1", "--node", node);
        AssertOneLineError(text, 1, "accepted but is not committed yet");
        Assert.DoesNotContain("sold", text.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("price", text.Stdout, StringComparison.Ordinal);

        var json = Cli.Run("dex", "swap", "--from", "alice", "--sell", "FSH", "--buy", "USDF", "--amount", "1", "--node", node, "--json");
        Assert.Equal(1, json.ExitCode);
        var document = JsonNode.Parse(json.Stdout)!.AsObject();
        Assert.Equal("Pending", document["error"]!.GetValue<string>());
        Assert.False(document.ContainsKey("received"));
        Assert.False(document.ContainsKey("sold"));
        Assert.Equal(before.ToJsonString(), Json("balance", "alice", "--node", node).ToJsonString());
    }

    /// <summary>Uniswap V2 getAmountOut with the 0.3% fee.</summary>
    private static BigInteger GetAmountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut) =>
        amountIn * 997 * reserveOut / (reserveIn * 1000 + amountIn * 997);

    /// <summary>Uniswap V2 getAmountIn with the 0.3% fee.</summary>
    private static BigInteger GetAmountIn(BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut) =>
        reserveIn * amountOut * 1000 / ((reserveOut - amountOut) * 997) + 1;

    /// <summary>The integer square root (Babylonian method), as Uniswap V2's Math.sqrt.</summary>
    private static BigInteger Sqrt(BigInteger y)
    {
        if (y <= 3) return y.IsZero ? 0 : 1;
        var z = y;
        var x = y / 2 + 1;
        while (x < z)
        {
            z = x;
            x = (y / x + x) / 2;
        }

        return z;
    }

    /// <summary>Base units of an 18-decimal asset as tokens, trailing zeros dropped: "1.5", "200".</summary>
    private static string Tokens(BigInteger units)
    {
        var whole = (units / Token).ToString(CultureInfo.InvariantCulture);
        var fraction = (units % Token).ToString(CultureInfo.InvariantCulture).PadLeft(18, '0').TrimEnd('0');
        return fraction.Length == 0 ? whole : whole + "." + fraction;
    }

    private BigInteger Balance(string who, string symbol) =>
        Json("balance", who)["balances"]![symbol] is { } amount ? BigInteger.Parse(amount.GetValue<string>(), CultureInfo.InvariantCulture) : BigInteger.Zero;

    /// <summary>The FSH/USDF pool's reserves (FSH is asset 0).</summary>
    private (BigInteger Fsh, BigInteger Usdf) Reserves()
    {
        var pool = Json("dex", "pools").AsArray().Single()!;
        Assert.Equal("FSH", pool["asset0"]!.GetValue<string>());
        return (BigInteger.Parse(pool["reserve0"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            BigInteger.Parse(pool["reserve1"]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    private BigInteger LpSupply() =>
        BigInteger.Parse(Json("dex", "pools").AsArray().Single()!["lpSupply"]!.GetValue<string>(), CultureInfo.InvariantCulture);

    /// <summary>The transaction fee the sender paid, from the document's raw events.</summary>
    private static BigInteger TxFee(JsonNode sent) =>
        sent["events"]!.AsArray().Where(e => e!["tag"]!.GetValue<string>() == "TxFee")
            .Aggregate(BigInteger.Zero, (sum, e) => sum + BigInteger.Parse(e!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture));

    private static BigInteger Amount(JsonNode? node, string symbol)
    {
        Assert.NotNull(node);
        Assert.Equal(symbol, node["asset"]!.GetValue<string>());
        return BigInteger.Parse(node["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    private static void AssertAmount(JsonNode? node, string symbol, BigInteger expected) => Assert.Equal(expected, Amount(node, symbol));
}
