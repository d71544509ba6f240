#!/usr/bin/env bash
# Runs the fairshare CLI from source (building it first if needed): scripts/fairshare.sh <command> [options]
# 'scripts/fairshare.sh bench …' also builds the benchmarks (bench/Fairshare.Bench), which the CLI launches.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dll="$root/src/Fairshare.Cli/bin/Release/net10.0/fairshare.dll"
project="$root/src/Fairshare.Cli/Fairshare.Cli.csproj"
watched=("$root/src" "$root/tools" "$root/genesis")
target="$dll"
for arg in "$@"; do
  if [ "$arg" = bench ]; then
    project="$root/bench/Fairshare.Bench/Fairshare.Bench.csproj"
    target="$root/bench/Fairshare.Bench/bin/Release/net10.0/fairshare-bench.dll"
    watched+=("$root/bench/Fairshare.Bench")
    break
  fi
done
if [ ! -f "$dll" ] || [ ! -f "$target" ] || [ -n "$(find "${watched[@]}" -newer "$target" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' \) -not -path '*/bin/*' -not -path '*/obj/*' -print -quit)" ]; then
  dotnet build "$project" -c Release --verbosity quiet -nologo >&2
fi
exec dotnet "$dll" "$@"
