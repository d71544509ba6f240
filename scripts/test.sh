#!/usr/bin/env bash
# Builds everything and runs every test project; prints 'N passed, N failed, N skipped' last.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
dotnet build Fairshare.slnx -c Release --no-restore --verbosity quiet -nologo || exit 1
log=$(mktemp)
dotnet test Fairshare.slnx -c Release --no-build --verbosity quiet -nologo 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
grep -E '^(Passed|Failed)!' "$log" | awk -F'[:,]' '{f+=$2;p+=$4;s+=$6} END{printf "%d passed, %d failed, %d skipped\n",p,f,s}'
rm -f "$log"
exit "$rc"
