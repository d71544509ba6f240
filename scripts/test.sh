#!/usr/bin/env bash
# Builds everything and runs every test project; prints 'N passed, N failed, N skipped' last.
# The PostgreSQL index tests need a server: this starts the throwaway cluster of scripts/postgres.sh (and stops it
# again when it was not running before) and passes its connection string in FAIRSHARE_TEST_POSTGRES.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
dotnet build Fairshare.slnx -c Release --no-restore --verbosity quiet -nologo || exit 1
pg_was_running=0
bash scripts/postgres.sh status && pg_was_running=1
FAIRSHARE_TEST_POSTGRES=$(bash scripts/postgres.sh start) || exit 1
export FAIRSHARE_TEST_POSTGRES
log=$(mktemp)
results=$(mktemp -d)
dotnet test Fairshare.slnx -c Release --no-build --verbosity quiet -nologo --logger trx --results-directory "$results" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
[ "$pg_was_running" = 1 ] || bash scripts/postgres.sh stop 2>/dev/null
# A red run says why: each failed test's message and the top of its stack, before the totals.
python3 scripts/test-failures.py "$results"
grep -E '^(Passed|Failed)!' "$log" | awk -F'[:,]' '{f+=$2;p+=$4;s+=$6} END{printf "%d passed, %d failed, %d skipped\n",p,f,s}'
rm -rf "$log" "$results"
exit "$rc"
