using System.CommandLine;
using Fairshare.Agents.Remote;
using Fairshare.Cli.Output;
using Fairshare.Core.Crypto;

namespace Fairshare.Cli.Commands;

/// <summary>Who signs a job transaction: <c>--from NAME</c> (the wallet on <c>--data</c>) or <c>--dev-key NAME</c> (a local testnet's development key).</summary>
internal sealed class KeyOptions
{
    private readonly Option<string?> _from = new("--from") { Description = "the key that signs and pays, by name in the wallet (--data)" };
    private readonly Option<string?> _devKey = AgentKeys.DevKeyOption();

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Add(_from);
        command.Add(_devKey);
    }

    /// <summary>Whether one of the options was given.</summary>
    public bool Given(ParseResult parsed) => parsed.GetValue(_from) is not null || parsed.GetValue(_devKey) is not null;

    /// <summary>How to unlock the key the parsed options name (exactly one must be given).</summary>
    public Func<CliContext, HttpNodeGateway, CancellationToken, KeyPair> Signer(ParseResult parsed) => (context, node, ct) =>
    {
        string? from = parsed.GetValue(_from), dev = parsed.GetValue(_devKey);
        if (from is null && dev is null) throw new CliUsageException("give the signing key: --from NAME (your wallet) or --dev-key NAME (a local testnet)");
        return AgentKeys.Resolve(context, node, from, dev, ct);
    };
}
