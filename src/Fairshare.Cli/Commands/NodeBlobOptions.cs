using System.CommandLine;
using Fairshare.Node.Blobs;

namespace Fairshare.Cli.Commands;

/// <summary>
/// <c>--blob-quota-mb</c>, <c>--blob-retention-blocks</c> and <c>--blob-grace-minutes</c> of <c>node start</c>: how much
/// the validator's blob store may hold and which blobs it keeps (<see cref="BlobQuotaOptions"/>; docs/storage.md).
/// A negative value is a usage error (exit 2).
/// </summary>
public sealed class NodeBlobOptions
{
    private const long Mebibyte = 1024 * 1024;

    /// <summary>The three options, each new (a command owns its options).</summary>
    public NodeBlobOptions()
    {
        QuotaMb = NotNegative(new Option<long>("--blob-quota-mb")
        {
            Description = "the most MiB the blob store (models, inputs, outputs) may hold; an upload that does not fit even after evicting every blob no job needs is refused with 507 (0: no limit)",
            DefaultValueFactory = _ => BlobQuotaOptions.DefaultQuotaBytes / Mebibyte,
        });
        RetentionBlocks = new Option<ulong>("--blob-retention-blocks")
        {
            Description = "for how many blocks after a job closed its model, input and outputs are kept",
            DefaultValueFactory = _ => BlobQuotaOptions.DefaultRetentionBlocks,
        };
        GraceMinutes = NotNegative(new Option<long>("--blob-grace-minutes")
        {
            Description = "for how many minutes a blob just uploaded is kept, whether a job names it or not",
            DefaultValueFactory = _ => (long)BlobQuotaOptions.DefaultGracePeriod.TotalMinutes,
        });
    }

    /// <summary><c>--blob-quota-mb</c>.</summary>
    public Option<long> QuotaMb { get; }

    /// <summary><c>--blob-retention-blocks</c>.</summary>
    public Option<ulong> RetentionBlocks { get; }

    /// <summary><c>--blob-grace-minutes</c>.</summary>
    public Option<long> GraceMinutes { get; }

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(QuotaMb);
        command.Add(RetentionBlocks);
        command.Add(GraceMinutes);
    }

    /// <summary>What the command line chose (the parser has checked the values).</summary>
    public BlobQuotaOptions Read(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        long quota = parsed.GetValue(QuotaMb);
        return new BlobQuotaOptions
        {
            QuotaBytes = quota > long.MaxValue / Mebibyte ? long.MaxValue : quota * Mebibyte,
            RetentionBlocks = parsed.GetValue(RetentionBlocks),
            GracePeriod = TimeSpan.FromMinutes(Math.Min(parsed.GetValue(GraceMinutes), (long)TimeSpan.MaxValue.TotalMinutes)),
        };
    }

    private static Option<long> NotNegative(Option<long> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && long.TryParse(result.Tokens[^1].Value, System.Globalization.CultureInfo.InvariantCulture, out long value) && value < 0)
                result.AddError($"{option.Name} must be 0 or more");
        });
        return option;
    }
}
