using System.Text;
using Fairshare.Compute;

namespace Fairshare.Agents.Jobs;

/// <summary>
/// The stable codes of <see cref="JobException"/>. Compute's own failures keep their <see cref="ComputeError"/> name in
/// snake case (<c>InputWrongDtype</c> → <c>input_wrong_dtype</c>), so a code never changes once it is shipped.
/// </summary>
public static class JobErrors
{
    /// <summary>A file named on the command line cannot be read.</summary>
    public const string FileUnreadable = "file_unreadable";

    /// <summary>An <c>--input</c> argument is malformed, or names inputs twice, or its folders do not line up.</summary>
    public const string InputArgument = "input_argument";

    /// <summary>The model is larger than <c>market.max-model-bytes</c>.</summary>
    public const string ModelTooLarge = "model_too_large";

    /// <summary>The encoded inputs are larger than <c>market.max-input-bytes</c>.</summary>
    public const string InputTooLarge = "input_too_large";

    /// <summary>No registered provider could take the job now (device, memory, status).</summary>
    public const string NoProvider = "no_provider";

    /// <summary>The price cap is below every qualifying provider's price.</summary>
    public const string PriceBelowOffers = "price_below_offers";

    /// <summary>The budget does not cover the cheapest qualifying provider for every execution the policy needs.</summary>
    public const string BudgetBelowQuote = "budget_below_quote";

    /// <summary>The request's numbers are out of range (replicas, deadline, memory, both a cap and a budget).</summary>
    public const string BadRequest = "bad_request";

    /// <summary>No job has this id.</summary>
    public const string UnknownJob = "unknown_job";

    /// <summary>The job belongs to another client.</summary>
    public const string NotYourJob = "not_your_job";

    /// <summary>The job can no longer be cancelled (a slot was assigned).</summary>
    public const string NotCancellable = "not_cancellable";

    /// <summary>The chain refused the transaction.</summary>
    public const string Rejected = "rejected";

    /// <summary>The job ended without an accepted output (nobody delivered in time, or it was cancelled).</summary>
    public const string NoOutput = "no_output";

    /// <summary>The job ran, but the model failed on the providers (the verified outcome is a job fault).</summary>
    public const string JobFault = "job_fault";

    /// <summary>The accepted output could not be fetched from the network or does not decode.</summary>
    public const string OutputUnavailable = "output_unavailable";

    /// <summary>The wait ended before the job did.</summary>
    public const string Timeout = "timeout";

    /// <summary>The code of a Compute failure: its enum name in snake case.</summary>
    public static string Of(ComputeError error)
    {
        string name = error.ToString();
        var code = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0) code.Append('_');
            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }

    /// <summary>An exception for a Compute failure, its code derived from the error.</summary>
    public static JobException From(ComputeError error, string message) => new(Of(error), message);
}
