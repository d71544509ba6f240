#!/usr/bin/env bash
# Runs the fairshare CLI from source (building it first if needed): scripts/fairshare.sh <command> [options]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dll="$root/src/Fairshare.Cli/bin/Release/net10.0/fairshare.dll"
if [ ! -f "$dll" ] || [ -n "$(find "$root/src" "$root/genesis" -newer "$dll" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' \) -print -quit)" ]; then
  dotnet build "$root/src/Fairshare.Cli/Fairshare.Cli.csproj" -c Release --verbosity quiet -nologo >&2
fi
exec dotnet "$dll" "$@"
