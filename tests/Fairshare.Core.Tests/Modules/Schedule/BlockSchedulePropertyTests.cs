using Fairshare.Core.Modules;
using Fairshare.Core.Modules.Governance;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Modules.Staking;
using Fairshare.Core.Primitives;
using Fairshare.Testing;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace Fairshare.Core.Tests.Modules.Schedule;

/// <summary>
/// Whenever <see cref="BlockSchedule"/> says nothing is due, an empty block changes nothing but the head: checked after
/// every step of random scripts over a market with honest, slow and cheating providers (jobs matched, missed,
/// re-assigned, disputed, jailed), provider emission switched on and off, stake unbonded, commissions announced and
/// proposals made (after the test chain's vesting has ended), then while the chain runs down until nothing is due
/// any more. How often the rule said "not due" is
/// written to the test output.
/// </summary>
public sealed class BlockSchedulePropertyTests(ITestOutputHelper output) : IDisposable
{
    private static readonly GovAction FeeSwitchOn = new(ModuleIds.Amm, 1, Amount.One);
    private readonly Dictionary<BlockDue, int> _tally = [];

    [Property(MaxTest = 25)]
    public void WhenNothingIsDue_AnEmptyBlockChangesNothingButTheHead(byte[] script)
    {
        var profiles = new[]
        {
            new ProviderProfile("honest-1", new Amount(10), 4),
            new ProviderProfile("honest-2", new Amount(11), 4),
            new ProviderProfile("slow", new Amount(12), 4, ProviderBehaviour.Slow),
            new ProviderProfile("cheater", new Amount(13), 4, ProviderBehaviour.Cheater, CheatFraction: 0.5),
            new ProviderProfile("honest-3", new Amount(14), 4),
        };
        var harness = MarketHarness.Create(profiles, new Random(script.Length), clients: 2, p => p with { JailBlocks = 30, MatchingPolicy = MatchingPolicy.LowestPrice });
        var state = harness.State;
        // Past the founder's vesting (blocks 0 to 100), so it does not hide what the script does.
        while (state.Head.Height < 100) harness.Step();
        int checks = 0;
        ulong input = 0;
        for (int i = 0; i < script.Length && i < 60; i++)
        {
            byte op = script[i];
            string client = harness.Clients[op & 1];
            string provider = profiles[(op >> 1) % profiles.Length].Name;
            switch (op % 9)
            {
                case 0:
                    harness.Submit(client, MarketHarness.Spec(VerificationPolicy.Replicate, 2, ++input, deadlineBlocks: 4));
                    harness.Step();
                    break;
                case 1:
                    harness.Submit(client, MarketHarness.Spec(VerificationPolicy.SpotCheck, 1, ++input, deadlineBlocks: 4));
                    harness.Step();
                    break;
                case 2:
                    harness.Step();
                    break;
                case 3:
                    var parameters = MarketStore.Params(state);
                    MarketStore.SetParams(state, parameters with { ProviderEmission = parameters.ProviderEmission.IsZero ? new Amount(100) : Amount.Zero, EmissionEpochBlocks = 7 });
                    state.Commit();
                    break;
                case 4:
                    harness.Queue(client, new StakeDelegatePayload(harness.Address(provider), MarketHarness.Fsh(5)));
                    harness.Step();
                    harness.Queue(client, new StakeUnbondPayload(harness.Address(provider), MarketHarness.Fsh(1)));
                    harness.Step();
                    break;
                case 5:
                    harness.Queue(provider, new StakeSetCommissionPayload((ushort)(op % 2 * 100)));
                    harness.Step();
                    break;
                case 6:
                    harness.Queue(client, new GovLockPayload(MarketHarness.Fsh(20)));
                    harness.Step();
                    harness.Queue(client, new GovProposePayload([FeeSwitchOn], "schedule property"));
                    harness.Step();
                    break;
                default:
                    // Empty blocks: deadlines pass, jails and unbondings run out, votes close.
                    for (int n = 0; n < op % 16; n++) checks += CheckedEmptyBlock(harness);
                    break;
            }

            checks += CheckedEmptyBlock(harness);
        }

        // Emission off, then let the market finish its jobs and everything else run out; by then nothing may be due.
        MarketStore.SetParams(state, MarketStore.Params(state) with { ProviderEmission = Amount.Zero });
        state.Commit();
        // Whenever nothing is due, several empty blocks in a row are checked.
        int idle = 0;
        for (int n = 0; n < 600 && idle < 8; n++)
        {
            if (BlockSchedule.EmptyBlockDue(state)) harness.Step();
            else idle += CheckedEmptyBlock(harness);
        }

        Assert.Equal(BlockDue.Nothing, BlockSchedule.DueBecause(state));
        Assert.True(checks + idle > 0);
    }

    public void Dispose() =>
        output.WriteLine(string.Join(", ", _tally.OrderBy(t => t.Key).Select(t => $"{t.Key}: {t.Value}")));

    /// <summary>When nothing is due, produces an empty block and checks it; 1 when it did, 0 when something was due.</summary>
    private int CheckedEmptyBlock(MarketHarness harness)
    {
        var due = BlockSchedule.DueBecause(harness.State);
        _tally[due] = _tally.GetValueOrDefault(due) + 1;
        if (due != BlockDue.Nothing) return 0;
        EmptyBlockCheck.ChangesNothingButTheHead(harness.Chain);
        return 1;
    }
}
