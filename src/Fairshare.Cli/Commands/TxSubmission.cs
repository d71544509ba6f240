using System.Text.Json.Nodes;
using Fairshare.Cli.Chain;
using Fairshare.Cli.Output;
using Fairshare.Client.Dto;
using Fairshare.Core.Crypto;
using Fairshare.Core.Ledger.State;
using Fairshare.Core.Ledger.Transactions;
using Fairshare.Core.Primitives;
using Spectre.Console;

namespace Fairshare.Cli.Commands;

/// <summary>Signs a payload with the sender's next nonce, commits it in a block, and reports the outcome.</summary>
public static class TxSubmission
{
    /// <summary>Submits and prints; returns the exit code.</summary>
    public static int Submit(CliContext context, ChainAccess chain, KeyPair sender, TxPayload payload, string? feeText, Func<string> describe)
    {
        var state = chain.State;
        var fee = feeText is null ? state.Params.MinFee : ParseAmount(state, AssetId.Fsh, feeText, "--fee");
        ulong nonce = state.Find(sender.Address)?.Nonce ?? 0;
        var tx = SignedTransaction.Sign(new Transaction(state.ChainId, nonce, fee, payload), sender);
        var result = chain.Submit(tx);
        if (!result.IsCommitted)
        {
            if (result.Code == TxOutcome.Pending)
            {
                return context.Fail(result.Code, $"transaction {tx.Id} was accepted but is not committed yet; "
                    + "check later with 'fairshare balance' or 'fairshare block show latest' before sending it again");
            }

            string why = Enum.TryParse<ResultCode>(result.Code, out var code) ? Explain(code) : result.Code;
            return context.Fail(result.Code, $"transaction rejected: {why}; nothing changed");
        }

        ulong height = result.Height!.Value;
        if (context.Json)
        {
            var events = new JsonArray();
            foreach (var e in result.Events)
            {
                events.Add(new JsonObject
                {
                    ["tag"] = e.Tag,
                    ["asset"] = e.Asset,
                    ["from"] = e.From,
                    ["to"] = e.To,
                    ["amount"] = e.Amount,
                });
            }

            context.WriteJson(new JsonObject
            {
                ["tx"] = tx.Id.ToString(),
                ["height"] = height,
                ["code"] = result.Code,
                ["events"] = events,
            });
        }
        else
        {
            context.Console.MarkupLine($"[green]ok[/] {Markup.Escape(describe())}");
            context.Console.MarkupLine($"   tx [grey]{tx.Id}[/] in block [bold]{height}[/], fee {Format(state, AssetId.Fsh, fee)}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>Parses a human amount ("1.5") in the asset's decimals.</summary>
    public static Amount ParseAmount(LedgerState state, AssetId asset, string text, string option)
    {
        var info = state.FindAsset(asset) ?? throw new CliUsageException($"asset {asset} is not registered");
        return Amount.TryParseDecimal(text, info.Decimals, out var amount)
            ? amount
            : throw new CliUsageException($"{option} '{text}' is not an amount of {info.Symbol} (digits, optionally '.' and at most {info.Decimals} decimals)");
    }

    /// <summary>Finds an asset by symbol (case-insensitive) or numeric id.</summary>
    public static AssetInfo FindAsset(LedgerState state, string symbolOrId)
    {
        foreach (var asset in state.Assets)
        {
            if (string.Equals(asset.Symbol, symbolOrId, StringComparison.OrdinalIgnoreCase) || asset.Id.ToString() == symbolOrId)
                return asset;
        }

        throw new CliUsageException($"unknown asset '{symbolOrId}'; known: {string.Join(", ", state.Assets.Select(a => a.Symbol))}");
    }

    /// <summary>"1.5 FSH".</summary>
    public static string Format(LedgerState state, AssetId asset, Amount amount)
    {
        var info = state.FindAsset(asset);
        return info is null ? $"{amount} (asset {asset})" : $"{amount.ToDecimalString(info.Decimals)} {info.Symbol}";
    }

    /// <summary>A sentence for a result code, saying what to do.</summary>
    public static string Explain(ResultCode code) => code switch
    {
        ResultCode.InsufficientBalance => "the balance does not cover the amount and the fee (InsufficientBalance)",
        ResultCode.FeeTooLow => "the fee is below the chain's minimum; raise --fee (FeeTooLow)",
        ResultCode.NonceReplayed => "this nonce was already used (NonceReplayed)",
        ResultCode.NonceGap => "the nonce skips ahead of the account's next nonce (NonceGap)",
        ResultCode.BadSignature => "the signature does not verify (BadSignature)",
        ResultCode.WrongChainId => "the transaction names another chain (WrongChainId)",
        ResultCode.AmountOverflow => "a balance or supply would pass 2^256 - 1 (AmountOverflow)",
        ResultCode.NotIssuer => "only the USDF issuer may mint or burn (NotIssuer)",
        ResultCode.NothingToClaim => "nothing has vested since the last claim (NothingToClaim)",
        ResultCode.ZeroAmount => "the amount must be positive (ZeroAmount)",
        ResultCode.UnknownAsset => "the asset is not registered (UnknownAsset)",
        ResultCode.InsufficientOutputAmount => "the price moved past your slippage limit; quote again or raise --slippage (InsufficientOutputAmount)",
        ResultCode.ExcessiveInputAmount => "the price moved past your slippage limit; quote again or raise --slippage (ExcessiveInputAmount)",
        ResultCode.InsufficientAAmount or ResultCode.InsufficientBAmount => $"the pool's ratio moved past your slippage limit; raise --slippage ({code})",
        ResultCode.PoolNotFound => "there is no pool for this pair; see 'fairshare dex pools' (PoolNotFound)",
        ResultCode.InsufficientLiquidity => "the pool's reserves cannot cover this trade (InsufficientLiquidity)",
        ResultCode.KInvariant => "the pool's constant product would fall: a flash swap was not paid back with its fee (KInvariant)",
        ResultCode.LendPriceUnavailable => "no TWAP price yet for an asset involved; the AMM pool against USDF needs to stand a full TWAP period (LendPriceUnavailable)",
        ResultCode.LendInsufficientLiquidity => "the borrow or redeem would leave the account short of collateral; see 'fairshare lend account' (LendInsufficientLiquidity)",
        ResultCode.LendCashNotAvailable => "the market has not enough cash to lend or redeem now (LendCashNotAvailable)",
        ResultCode.LendMarketNotFound => "no lending market for this asset; supplying creates one (LendMarketNotFound)",
        ResultCode.LendInsufficientShortfall => "the borrower is not under water, so it cannot be liquidated (LendInsufficientShortfall)",
        ResultCode.LendRepayAboveCloseFactor => "a liquidation may repay at most the close factor of the borrow (LendRepayAboveCloseFactor)",
        ResultCode.FlashLoanNotRepaid => "the flash loan was not paid back with its fee in the same transaction (FlashLoanNotRepaid)",
        ResultCode.NotRewardsDistribution => "only the treasury may create or fund farms; propose it through governance (NotRewardsDistribution)",
        ResultCode.FarmNotFound => "no farm with this id; see 'fairshare farm list' (FarmNotFound)",
        ResultCode.ProposerBelowThreshold => "the proposer's locked votes are below the proposal threshold; lock more with 'fairshare gov lock' (ProposerBelowThreshold)",
        ResultCode.VotingClosed => "the proposal is not open for votes now; see 'fairshare gov show' (VotingClosed)",
        ResultCode.AlreadyVoted => "this account already voted on the proposal (AlreadyVoted)",
        ResultCode.ProposalNotSucceeded => "only a succeeded proposal can be queued; see 'fairshare gov show' (ProposalNotSucceeded)",
        ResultCode.TimelockNotSurpassed => "the timelock has not passed yet; execute after the eta shown by 'fairshare gov show' (TimelockNotSurpassed)",
        ResultCode.UnknownGovParameter => "governance cannot change that parameter; see 'fairshare gov params' (UnknownGovParameter)",
        ResultCode.ParameterOutOfRange => "the value is outside the parameter's allowed range; see 'fairshare gov params' (ParameterOutOfRange)",
        ResultCode.StableSlippage => "the stable pool moved past your slippage limit; raise --slippage (StableSlippage)",
        ResultCode.StableEmptyPool => "the stable pool has no liquidity yet; deposit every coin first with 'fairshare stable add' (StableEmptyPool)",
        ResultCode.StakeBelowMinSelfBond => "a provider's first bond must reach stake.min-self-bond; see 'fairshare gov params' (StakeBelowMinSelfBond)",
        ResultCode.StakeCommissionTooHigh => "the commission is above stake.max-commission-bps (StakeCommissionTooHigh)",
        ResultCode.StakePoolNotFound => "that provider has no stake pool; see 'fairshare stake show' (StakePoolNotFound)",
        ResultCode.StakeSelfDelegation => "a provider adds to its own pool with 'fairshare stake bond', not delegate (StakeSelfDelegation)",
        ResultCode.StakeInsufficientStake => "your position in that pool is worth less than the amount; see 'fairshare stake show PROVIDER' (StakeInsufficientStake)",
        ResultCode.StakeNothingToWithdraw => "no unbonding entry of yours has completed yet; see 'fairshare stake show PROVIDER' (StakeNothingToWithdraw)",
        ResultCode.StakeNothingToClaim => "that pool owes you no rewards (StakeNothingToClaim)",
        ResultCode.StakeCommissionChangeTooLarge => "one change may move the commission by at most stake.max-commission-change-bps (StakeCommissionChangeTooLarge)",
        ResultCode.StakePoolWipedOut => "the pool was slashed to nothing and takes no new stake (StakePoolWipedOut)",
        _ => code.ToString(),
    };
}
