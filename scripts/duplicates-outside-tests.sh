#!/usr/bin/env bash
# Counts the duplicate pairs outside tests, fixtures, bench and e2e (issue 12's measure).
# `duplicates` lists at most 200 rows, so it runs on a copy of the tracked files that are not
# tests: every row printed there is a pair outside tests; rows without `shape` are verbatim.
# Use: scripts/duplicates-outside-tests.sh [--all]   (--all prints the shape rows too)
set -euo pipefail
root=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$root" ls-files -z \
  | grep -zvE '\.(test|spec)\.tsx?$|(^|/)apps/e2e/|/bench/|fixture|(^|/)testing/' \
  | (cd "$root" && xargs -0 cp --parents -t "$tmp")
git -C "$tmp" init -q
git -C "$tmp" add -A
git -C "$tmp" -c user.name=m -c user.email=m@m commit -qm copy
out=$(cd "$tmp" && duplicates --most 200 --seconds 200)
verbatim=$(printf '%s\n' "$out" | grep -E '^D[0-9]+ ' | grep -v ' shape' || true)
if [ "${1:-}" = "--all" ]; then printf '%s\n' "$out"; else printf '%s\n' "$verbatim"; fi
printf '%s\n' "$out" | grep -E '^(incomplete|left out|\(\+)' || true
# The first line counts every pair, listed or not: "N pairs of places ... (M by shape alone ...)".
total=$(printf '%s\n' "$out" | head -1 | grep -oE '^[0-9]+' || echo 0)
shape=$(printf '%s\n' "$out" | head -1 | grep -oE '\(([0-9]+) by shape alone' | grep -oE '[0-9]+' || echo 0)
echo "verbatim pairs outside tests: $((total - shape)) (listed above: $(printf '%s' "$verbatim" | grep -c . || true))"
