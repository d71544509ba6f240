#!/usr/bin/env bash
# The main job, on the embedded default.
#  1. `fairshare demo`: an in-process network (a validator on SQLite, six providers of which one cheats and one is
#     slow, two clients) runs ONNX inference jobs under two matching policies and prints jobs verified, cheats caught
#     and slashed, money by flow tag and the Gini of provider income.
#  2. A real model through the network: one validator and two provider processes (`testnet up`), the npm-shipped
#     PP-OCRv4 recognition model and an image of printed text made here; `job quote`, then `job submit --wait` writes
#     the verified output to disk, which is decoded back into text and checked against a direct ONNX Runtime run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/fairshare.sh demo "$@"

echo
echo "== A real model through the network: PP-OCRv4 text recognition as a job =="
work=$(mktemp -d)
net="$work/testnet"
cleanup() { bash scripts/fairshare.sh testnet down --dir "$net" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
assets=$(bash scripts/models.sh)
model="$assets/ch_PP-OCRv4_rec_infer.onnx"
dotnet build examples/Fairshare.Examples.Ocr -c Release --verbosity quiet -nologo >/dev/null
ocr() { dotnet examples/Fairshare.Examples.Ocr/bin/Release/net10.0/Fairshare.Examples.Ocr.dll "$@"; }

bash scripts/fairshare.sh testnet up --dir "$net" --validators 1 --providers 2 --senders 1 --detach
node=$(/usr/bin/python3 -c 'import json, sys; print(next(m["url"] for m in json.load(open(sys.argv[1]))["members"] if m["role"] == "validator"))' "$net/testnet.json")

echo "-- waiting for both providers to measure their machine, bond and register"
for _ in $(seq 1 120); do
  available=$(bash scripts/fairshare.sh market providers --node "$node" --json 2>/dev/null \
    | /usr/bin/python3 -c 'import json, sys; print(sum(1 for p in json.load(sys.stdin)["providers"] if p.get("status") == "available"))' 2>/dev/null || echo 0)
  [ "$available" = 2 ] && break
  sleep 1
done

text="FAIRSHARE 2026"
ocr render "$text" --out "$work/text.png" --npy "$work/text.npy"
echo "-- job quote: checked locally, priced against the offers, nothing moves"
bash scripts/fairshare.sh job quote --node "$node" --model "$model" --input "x=$work/text.npy"
echo "-- job submit --wait: uploaded, escrow locked, run by a provider, verified, settled, output written"
bash scripts/fairshare.sh job submit --node "$node" --dev-key sender-1 --model "$model" --input "x=$work/text.npy" --wait --out "$work/out"
read_back=$(ocr decode "$work/out/softmax_11.tmp_0.npy")
direct=$(ocr local --input "$work/text.npy")
echo "-- the network's output decodes to: '$read_back'; a direct ONNX Runtime run here reads: '$direct'"
if [ "$read_back" != "$text" ] || [ "$read_back" != "$direct" ]; then
  echo "demo: the job's output does not read '$text'" >&2
  exit 1
fi
echo "checked: the verified output of the network reads '$text', as the direct run does"
