#!/usr/bin/env bash
# Mutation testing of the consensus-critical code with Stryker.NET (dotnet-stryker 5.1.0, pinned in
# .config/dotnet-tools.json): plants one bug at a time in an area's source and runs the tests that cover it; a mutant
# no test kills is a test that is missing (or an equivalent mutant, listed with its reason in docs/testing.md).
#
#   scripts/mutate.sh                 list the areas
#   scripts/mutate.sh AREA [MINUTES]  run one area within a time budget (default 60 minutes); 'all' runs every area
#
# The HTML and JSON reports land in artifacts/mutation/AREA/; the score is printed last. Not part of .ci/run: a full
# area takes minutes to an hour on our 2-core machines.
#
# Coverage analysis is off: every mutant runs the area's own tests (the filter below), which keeps a run affordable.
#
# Before Stryker starts, scripts/mutation-preflight.py refuses a project in which Stryker's instrumentation changes
# what the code computes with no mutant active. The runs of the AMM and governance areas that reported 100 % were
# false kills of this kind: Stryker starts every method with an out parameter with `param = default;`, and
# Amount.TryParse called TryMul(result, ten, out result) (`in` and `out` the same variable), so in the mutated assembly
# Amount.Parse("1000000000000000000000") returned 0, every test chain's genesis was refused and every test that builds
# a chain failed for every mutant (with per-test coverage the same failure stopped the tests before the code they
# drive: the 'NoCoverage' mutants). After the run, scripts/mutation-summary.py checks the area's planted survivor
# (where it has one, e.g. amm): reported anything but Survived, the run prints INVALID and this script exits 1.
#
# The market area leaves out its two slow tests (a statistical detection-rate run and the random job-stream property,
# about 19 s each, which would make each of its ~700 mutants cost 45 s instead of 7 s); survivors they would kill are
# checked by hand. The ledger and state areas leave out the 100,000-account proof-size test (5 s a run; it measures
# size, and the smaller proof tests cover the same code).
#
# MUTATE_CONCURRENCY sets Stryker's parallel test sessions (default 2; use 1 on a machine shared with other work).
set -euo pipefail
cd "$(dirname "$0")/.."

# area | project to mutate | its test project | files to mutate (globs, relative to the project; comma-separated) |
# the tests that judge the area (a dotnet test filter: every mutant runs them all, see below)
areas=(
  "ledger|Fairshare.Core|Fairshare.Core.Tests|Ledger/TransactionExecutor.cs,Ledger/Transactions/**/*.cs,Ledger/Receipt*.cs,Ledger/LedgerEvent.cs,Modules/TxContext.cs,Modules/ModulePayload*.cs|FullyQualifiedName~Core.Tests.Ledger&FullyQualifiedName!~OnAHundredThousandAccounts"
  "encoding|Fairshare.Core|Fairshare.Core.Tests|Encoding/**/*.cs,Crypto/**/*.cs|FullyQualifiedName~Core.Tests.Encoding|FullyQualifiedName~Core.Tests.Crypto|FullyQualifiedName~Core.Tests.Ledger|FullyQualifiedName~Core.Tests.Primitives"
  "state|Fairshare.Core|Fairshare.Core.Tests|Ledger/State/**/*.cs|(FullyQualifiedName~Core.Tests.Ledger|FullyQualifiedName~Core.Tests.Genesis)&FullyQualifiedName!~OnAHundredThousandAccounts"
  "blocks|Fairshare.Core|Fairshare.Core.Tests|Ledger/Blocks/**/*.cs|FullyQualifiedName~Core.Tests.Ledger"
  "amm|Fairshare.Core|Fairshare.Core.Tests|Modules/Amm/**/*.cs|FullyQualifiedName~Core.Tests.Modules.Amm|FullyQualifiedName~Core.Tests.Conformance"
  "stableswap|Fairshare.Core|Fairshare.Core.Tests|Modules/StableSwap/**/*.cs|FullyQualifiedName~Core.Tests.Modules.StableSwap|FullyQualifiedName~StableSwapMath|FullyQualifiedName~Core.Tests.Conformance"
  "lending|Fairshare.Core|Fairshare.Core.Tests|Modules/Lending/**/*.cs|FullyQualifiedName~Core.Tests.Modules.Lending|FullyQualifiedName~CompoundMath|FullyQualifiedName~Core.Tests.Conformance"
  "staking|Fairshare.Core|Fairshare.Core.Tests|Modules/Staking/**/*.cs|FullyQualifiedName~Core.Tests.Modules.Staking|FullyQualifiedName~StoredRecordDecodeTests"
  "market|Fairshare.Core|Fairshare.Core.Tests|Modules/Market/**/*.cs,Modules/EndBlock.cs|FullyQualifiedName~Core.Tests.Modules.Market&FullyQualifiedName!~DetectionTests.WithoutProbation&FullyQualifiedName!~MarketPropertyTests"
  "governance|Fairshare.Core|Fairshare.Core.Tests|Modules/Governance/**/*.cs|FullyQualifiedName~Core.Tests.Modules.Governance|FullyQualifiedName~GovernorBravo|FullyQualifiedName~StoredRecordDecodeTests"
  "metrics|Fairshare.Analytics|Fairshare.Analytics.Tests|Concentration/**/*.cs|FullyQualifiedName~Analytics.Tests.Concentration|FullyQualifiedName~Analytics.Tests.Conformance"
)

usage() {
  echo "usage: scripts/mutate.sh AREA [MINUTES]   (AREA: all, or one of:" >&2
  for entry in "${areas[@]}"; do echo "  ${entry%%|*}" >&2; done
  echo ")" >&2
}

[ $# -ge 1 ] || { usage; exit 2; }
area=$1
minutes=${2:-60}
[[ "$minutes" =~ ^[0-9]+$ ]] || { echo "mutate: MINUTES must be a whole number" >&2; exit 2; }

if [ "$area" = all ]; then
  for entry in "${areas[@]}"; do bash "$0" "${entry%%|*}" "$minutes" || true; done
  exit 0
fi

entry=""
for candidate in "${areas[@]}"; do [ "${candidate%%|*}" = "$area" ] && entry=$candidate; done
[ -n "$entry" ] || { echo "mutate: unknown area '$area'" >&2; usage; exit 2; }
IFS='|' read -r _ project tests globs filter <<< "$entry"

python3 scripts/mutation-preflight.py "src/$project" || exit 1
concurrency=${MUTATE_CONCURRENCY:-2}
[[ "$concurrency" =~ ^[1-9][0-9]*$ ]] || { echo "mutate: MUTATE_CONCURRENCY must be a positive whole number" >&2; exit 2; }
dotnet tool restore >/dev/null
out="$PWD/artifacts/mutation/$area"
rm -rf "$out" && mkdir -p "$out"
mutate=$(python3 -c 'import json, sys; print(json.dumps(["**/" + g for g in sys.argv[1].split(",")]))' "$globs")
cat > "$out/stryker-config.json" <<JSON
{
  "stryker-config": {
    "project": "$project.csproj",
    "target-framework": "net10.0",
    "configuration": "Release",
    "mutate": $mutate,
    "coverage-analysis": "off",
    "test-case-filter": "$filter",
    "concurrency": $concurrency,
    "reporters": ["json", "html", "progress", "cleartext"],
    "thresholds": { "high": 90, "low": 80, "break": 0 }
  }
}
JSON

echo "mutate: area $area ($project; ${globs//,/, }) with $tests, budget $minutes min, concurrency $concurrency; reports in $out"
status=0
(cd "tests/$tests" && timeout "$((minutes * 60))" dotnet tool run dotnet-stryker --config-file "$out/stryker-config.json" -O "$out") | tee "$out/stryker.log" | grep -E "INF\] (The final mutation score|Time Elapsed)|mutants (will be tested|got status)" || status=$?
report="$out/reports/mutation-report.json"
[ -f "$report" ] || { echo "mutate: no report (budget passed or the run failed); see $out/stryker.log" >&2; exit 1; }
python3 scripts/mutation-summary.py "$report" "$area"
