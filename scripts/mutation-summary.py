#!/usr/bin/env python3
"""Summarises a Stryker JSON report: killed, survived and uncovered mutants of an area, its score over the mutants
that compiled (killed + timeout over killed + timeout + survived + no coverage), and each survivor with its place."""
import json
import sys
from collections import Counter

report, area = sys.argv[1], sys.argv[2]
files = json.load(open(report))["files"]
counts = Counter()
survivors = []
for path, data in sorted(files.items()):
    for m in data["mutants"]:
        counts[m["status"]] += 1
        if m["status"] in ("Survived", "NoCoverage"):
            loc = m["location"]["start"]
            survivors.append(f"  {m['status']:10} {path.split('/src/')[-1]}:{loc['line']}  {m['mutatorName']}: {m.get('replacement', '')[:70]}")
detected = counts["Killed"] + counts["Timeout"]
undetected = counts["Survived"] + counts["NoCoverage"]
score = 100.0 * detected / (detected + undetected) if detected + undetected else 100.0
print(f"{area}: {score:.2f} % killed ({detected} killed or timed out, {counts['Survived']} survived, {counts['NoCoverage']} not covered; "
      f"{counts['CompileError']} did not compile, {counts['Ignored']} ignored)")
for line in survivors:
    print(line)
