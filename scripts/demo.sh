#!/usr/bin/env bash
# The main job: `fairshare demo` on the embedded default. An in-process network (a validator on SQLite, six providers
# of which one cheats and one is slow, two clients) runs real ONNX inference jobs under two matching policies and
# prints jobs verified, cheats caught and slashed, money by flow tag and the Gini of provider income.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/fairshare.sh demo "$@"
