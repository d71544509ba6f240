#!/usr/bin/env python3
"""Summarises a Stryker JSON report: killed, survived and uncovered mutants of an area, its score over the mutants
that compiled (killed + timeout over killed + timeout + survived + no coverage), and each survivor with its place.

It also checks the run against a planted survivor where the area has one (SENTINELS): a mutant planted by hand that
every test of the area's filter passes. Reported as anything but Survived, the run is not a score (the runner
reported false kills, as before the out-parameter fix of scripts/mutation-preflight.py): it prints INVALID and exits 1.
If a new test kills a sentinel on purpose, plant it by hand to confirm and pick another survivor.
"""
import json
import pathlib
import sys
from collections import Counter

# area -> (file under the mutated project, a line of it, the Stryker mutator whose mutant on that line is a checked
# survivor). Best an equivalent mutant, which no correct test can kill.
SENTINELS = {
    # MintFee's `if (liquidity > 0) totalSupply = Add(...)` with `>` turned into `>=`: adding a liquidity of 0 changes
    # nothing, so the mutant is equivalent and survives every test (planted by hand: all tests of the filter pass).
    "amm": ("Modules/Amm/UniswapV2Math.cs", "if (liquidity > 0) totalSupply = Add(totalSupply, liquidity);", "Equality mutation"),
}

report, area = sys.argv[1], sys.argv[2]
data = json.load(open(report))
files = data["files"]
tests = {t["id"]: t["name"] for f in data.get("testFiles", {}).values() for t in f.get("tests", [])}
counts = Counter()
survivors = []
for path, data_file in sorted(files.items()):
    for m in data_file["mutants"]:
        counts[m["status"]] += 1
        if m["status"] in ("Survived", "NoCoverage"):
            loc = m["location"]["start"]
            survivors.append(f"  {m['status']:10} {path.split('/src/')[-1]}:{loc['line']}  {m['mutatorName']}: {m.get('replacement', '')[:70]}")
detected = counts["Killed"] + counts["Timeout"]
undetected = counts["Survived"] + counts["NoCoverage"]
score = 100.0 * detected / (detected + undetected) if detected + undetected else 100.0

valid = True
if area in SENTINELS:
    rel, statement, mutator = SENTINELS[area]
    matches = [(path, f) for path, f in files.items() if path.replace("\\", "/").endswith("/" + rel)]
    sentinel = None
    if matches:
        path, data_file = matches[0]
        lines = [n for n, text in enumerate(pathlib.Path(path).read_text(encoding="utf-8-sig").splitlines(), 1) if statement in text]
        sentinel = next((m for m in data_file["mutants"] if m["mutatorName"] == mutator
                         and m["location"]["start"]["line"] in lines and ">=" in m.get("replacement", "")), None)
    if sentinel is None:
        valid = False
        print(f"mutate: INVALID run: the planted survivor ({mutator} of {statement} in {rel}) is not in the report")
    elif sentinel["status"] != "Survived":
        valid = False
        killers = ", ".join(tests.get(t, t).rsplit(".", 2)[-2] + "." + tests.get(t, t).rsplit(".", 1)[-1] for t in sentinel.get("killedBy", [])[:3])
        print(f"mutate: INVALID run: the planted survivor ({mutator} of {statement} in {rel}, mutant {sentinel['id']}) "
              f"is reported {sentinel['status']}{' by ' + killers if killers else ''}; every test of the filter passes with "
              "it planted by hand, so this run's kills are not to be trusted")
    else:
        print(f"mutate: check passed: the planted survivor (mutant {sentinel['id']}, {rel}) is reported Survived")

print(f"{area}: {score:.2f} % killed ({detected} killed or timed out, {counts['Survived']} survived, {counts['NoCoverage']} not covered; "
      f"{counts['CompileError']} did not compile, {counts['Ignored']} ignored){'' if valid else '  -- INVALID, see above'}")
for line in survivors:
    print(line)
sys.exit(0 if valid else 1)
