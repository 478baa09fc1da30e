#!/usr/bin/env bash
# The cron job's case: one new item on a built site. Copies SITE, builds it, adds one item
# (dated 2023-12-31, after every item of ../shared/bench's corpus and in its newest month, tagged
# "Press Release" and "Education" as many of its items are), rebuilds, and prints every
# file the rebuild wrote or removed, their count and the rebuild's wall and CPU time.
#
#   Tests/Benchmark/new_item.sh BIN SITE [ROUNDS]
#
# SITE is a site folder (e.g. /tmp/corpus10k/ours from ../shared/bench/corpus.py); each round
# adds one more item, so ROUNDS > 1 shows the spread (the file list is printed for the last).
set -euo pipefail
bin=$1 site=$2 rounds=${3:-1}
themes="$(cd "$(dirname "$0")/../.." && pwd)/themes"
work=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-new-item.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$site" "$work/site"
build() {
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$bin" --site "$work/site" --themes "$themes" \
    --output "$work/out" --now 2026-11-29T12:00:00Z --quiet
}
build
for round in $(seq "$rounds"); do
  cat > "$work/site/content/news/2023-12-31-cron-item-$round.md" <<ITEM
---
title: "Cron item $round"
date: 2023-12-31T10:$(printf %02d "$round"):00Z
tags:
  - "Press Release"
  - "Education"
summary: "A new item added by the benchmark."
---

The benchmark's item number $round.
ITEM
  (cd "$work/out" && find . -type f ! -name '.newsroom-*' | sort) > "$work/before"
  touch "$work/marker"; sleep 0.01
  build
  (cd "$work/out" && find . -type f ! -name '.newsroom-*' | sort) > "$work/after"
  (cd "$work/out" && find . -type f ! -name '.newsroom-*' -newer "$work/marker" | sort) > "$work/written"
  comm -23 "$work/before" "$work/after" | sed 's/^/removed /' > "$work/removed"
  awk -v r="$round" -v n="$(wc -l < "$work/written")" -v d="$(wc -l < "$work/removed")" \
    '{ printf "round %d: %d files written, %d removed, wall %.2f s, cpu %.2f s\n", r, n, d, $1, $2 + $3 }' "$work/t"
done
echo "files written in the last round:"
sed 's/^\.\//  /' "$work/written"
sed 's/^/  /' "$work/removed"
