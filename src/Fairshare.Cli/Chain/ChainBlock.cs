using Fairshare.Core.Ledger.Blocks;

namespace Fairshare.Cli.Chain;

/// <summary>A committed block with the result code of each receipt, in order (the end-of-block receipt last).</summary>
public sealed record ChainBlock(Block Block, IReadOnlyList<string> ReceiptCodes);
