#!/usr/bin/env bash
# Installs Redocly CLI, which lints the node's OpenAPI document (tests/Fairshare.Server.Tests/OpenApiLintTests.cs), from
# the npm package @redocly/cli: `npm ci` installs exactly what eng/redocly/package-lock.json pins (version and sha512).
# Nothing is fetched when the pinned version is already there. Prints the path of its command (run it with node).
set -euo pipefail
cd "$(dirname "$0")/../eng/redocly"
cli=node_modules/@redocly/cli/bin/cli.js
wanted=$(node -p "require('./package.json').dependencies['@redocly/cli']" 2>/dev/null || echo none)
installed=$(node -p "require('./node_modules/@redocly/cli/package.json').version" 2>/dev/null || echo none)
if [ "$installed" != "$wanted" ] || [ ! -f "$cli" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "redocly: npm is required to install Redocly CLI (install Node.js and npm, e.g. apt-get install npm)" >&2
    exit 1
  fi
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
fi
echo "$PWD/$cli"
