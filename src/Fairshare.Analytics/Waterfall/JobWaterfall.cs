using System.Numerics;
using Fairshare.Core.Modules.Market;
using Fairshare.Core.Primitives;

namespace Fairshare.Analytics.Waterfall;

/// <summary>
/// Builds a job's <see cref="JobWaterfallReport"/> from its record, which keeps what each settlement moved: a slot's
/// <see cref="JobSlot.Paid"/> (out of the escrow) and <see cref="JobSlot.Earned"/> (to its provider's stake pool: the
/// provider and its delegators), the slashes, and the job's <see cref="Job.Burned"/>. An executor's protocol fee is
/// Paid − Earned; the treasury got the fees less the burned part. Exact: the steps add up to <see cref="Job.Locked"/>.
/// </summary>
public static class JobWaterfall
{
    /// <summary>The waterfall of <paramref name="job"/>; <paramref name="label"/> names accounts (e.g. their address).</summary>
    public static JobWaterfallReport Build(Job job, Func<Address, string> label)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(label);
        var steps = new List<JobWaterfallStep>();
        var outside = new List<JobWaterfallStep>();
        var fees = BigInteger.Zero;
        foreach (var slot in job.Slots)
        {
            var paid = slot.Paid.ToBigInteger();
            var earned = slot.Earned.ToBigInteger();
            string who = $"{label(slot.Provider)} ({slot.Role.ToString().ToLowerInvariant()})";
            if (slot.IsExecutor)
            {
                if (!paid.IsZero) steps.Add(new JobWaterfallStep("provider", who, earned));
                fees += paid - earned;
            }
            else
            {
                if (!paid.IsZero) steps.Add(new JobWaterfallStep("arbiter", who, paid));
                if (earned > paid) outside.Add(new JobWaterfallStep("arbiter (from slashed stake)", who, earned - paid));
            }

            if (!slot.Slashed.IsZero) outside.Add(new JobWaterfallStep("slashed", who, slot.Slashed.ToBigInteger()));
        }

        var burned = job.Burned.ToBigInteger();
        if (!fees.IsZero) steps.Add(new JobWaterfallStep("protocol fee → treasury", "", fees - burned));
        if (!burned.IsZero) steps.Add(new JobWaterfallStep("burned", "", burned));
        if (!job.Refunded.IsZero) steps.Add(new JobWaterfallStep("refund", label(job.Client), job.Refunded.ToBigInteger()));
        if (!job.Escrow.IsZero) steps.Add(new JobWaterfallStep("still in escrow", "", job.Escrow.ToBigInteger()));
        return new JobWaterfallReport(job.Id, job.State.ToString(), job.Locked.ToBigInteger(), [.. steps], [.. outside]);
    }
}
