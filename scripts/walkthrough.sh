#!/usr/bin/env bash
# A walk through the ledger and the DeFi modules on the embedded default (SQLite in a fresh data directory).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export FAIRSHARE_HOME="${FAIRSHARE_HOME:-$(mktemp -d)/fairshare}"
fs() { echo; echo "\$ fairshare $*"; bash scripts/fairshare.sh "$@"; }
fs init
fs keys list
fs balance alice
fs transfer --from alice --to bob --amount 12.5
fs usdf mint --from usdf-issuer --to alice --amount 1000
fs transfer --from alice --to bob --amount 250 --asset USDF
fs dex add --from alice --a FSH --b USDF --amount-a 100 --amount-b 200
fs dex quote --sell FSH --buy USDF --amount 5
fs dex swap --from bob --sell USDF --buy FSH --amount 20
fs dex pools
fs conformance ../shared/spec/vectors/defi-public.json
fs balance bob
fs transfer --from bob --to alice --amount 1000000 || echo "(refused as expected: bob cannot overspend; nothing changed)"
fs block show latest
fs verify-chain
fs bench ledger --txs 30000 --accounts 1000000
echo; echo "data directory: $FAIRSHARE_HOME"
