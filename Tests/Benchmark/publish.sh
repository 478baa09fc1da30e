#!/usr/bin/env bash
# What `generate publish` transfers on a large site (not part of the tests).
#
#   Tests/Benchmark/publish.sh [SITE]    default /tmp/corpus10k/ours (see PERFORMANCE.md's corpus)
#
# Copies SITE to a temporary folder, builds it with the release binary, publishes it to a local
# folder through rsync, then publishes again after nothing, after editing one old item, after
# adding one new item and after removing it, printing the files rsync uploaded and deleted
# (from its --itemize-changes lines) and the wall time of each publish.
set -euo pipefail
site=${1:-/tmp/corpus10k/ours}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
[ -d "$site" ] || { echo "no site at $site (python3 ../shared/bench/corpus.py 10000 /tmp/corpus10k --targets ours)" >&2; exit 2; }
(cd "$repo" && swift build -c release --product generate >/dev/null)
generate="$repo/.build/release/generate"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$site" "$work/site"
cd "$work"
now=2026-11-29T12:00:00Z

build() { "$generate" --site site --themes "$repo/themes" --output out --now "$now" --quiet; }
publish() {
    local label=$1 started ended
    started=$(date +%s.%N)
    "$generate" publish dest --site site --output out --verbose > publish.log
    ended=$(date +%s.%N)
    printf '%-22s %6d uploaded %4d deleted %6.2f s\n' "$label" \
        "$(grep -c '^>f' publish.log || true)" "$(grep -c '^\*deleting' publish.log || true)" "$(awk "BEGIN { print $ended - $started }")"
}

build; publish "first publish"
publish "no-op"
item=$(ls site/content/news | grep '\.md$' | sed -n 5000p)
echo "One more sentence for the edit." >> "site/content/news/$item"
build; publish "one edit"
cat > site/content/news/2026-11-28-new-item-for-publish.md <<'ITEM'
---
title: "A new item for the publish measurement"
date: 2026-11-28T10:00:00Z
tags: ["Health"]
---
A new item, to count what one addition uploads.
ITEM
build; publish "one new item"
rm site/content/news/2026-11-28-new-item-for-publish.md
build; publish "the new item removed"
diff -rq -x '.newsroom-*' out dest && echo "destination identical to the output"
