#!/usr/bin/env python3
"""Writes docs/result-codes.md from `fairshare explain --all --json` on stdin.

    dotnet tests/Fairshare.Cli.Tests/bin/Release/net10.0/fairshare.dll explain --all --json \
        | python3 scripts/result-codes-doc.py > docs/result-codes.md

ResultCodeHelpTests.Doc_ListsEveryCode_AsTheTableSays fails when the doc and the CLI's table disagree.
"""
import json
import sys

HEADER = """# Result codes

Every refused transaction, rejected block and bad genesis file carries a stable result code
(`Fairshare.Core.Primitives.ResultCode`). The codes are consensus data: they appear in receipts, in the CLI's error
lines (`error: transaction rejected: ... (FeeTooLow); nothing changed [FeeTooLow]`) and in the node API's errors,
and a number is never reused.

`fairshare explain CODE` prints one of them (CODE is a name in any case, like `noncegap`, or a number, like `203`);
`fairshare explain --all` prints the table below, and `--json` the same as `{code, number, area, explanation}`
objects.

Areas, by number: 1xx decoding, 2xx authentication, 3xx execution, 4xx blocks, 5xx genesis, then the modules:
600-609 math, 610-639 AMM, 640-659 lending, 660-679 farming, 680-699 governance, 700-719 StableSwap,
720-739 staking, 740-799 market. Names like `stake.min-self-bond` are governed parameters (`fairshare gov params`).

This file is generated from the CLI's table (`src/Fairshare.Cli/Output/ResultCodeHelp.cs`):
`dotnet tests/Fairshare.Cli.Tests/bin/Release/net10.0/fairshare.dll explain --all --json | python3 scripts/result-codes-doc.py > docs/result-codes.md`.
A test fails when the two disagree.

| number | code | area | explanation |
|---|---|---|---|
"""


def main() -> int:
    entries = json.load(sys.stdin)
    out = [HEADER]
    for entry in entries:
        cells = [str(entry["number"]), entry["code"], entry["area"], entry["explanation"]]
        if any("|" in cell or "\n" in cell for cell in cells):
            raise SystemExit(f"{entry['code']}: a cell holds '|' or a line break")
        out.append("| " + " | ".join(cells) + " |\n")
    sys.stdout.write("".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
