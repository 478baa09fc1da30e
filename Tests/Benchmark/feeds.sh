#!/usr/bin/env bash
# The feeds on a large corpus: a clean build with the default feed settings, then one with
# `feed.items: 1000` under the default 512 KB cap and one without a cap, each into a temporary
# folder; prints the time of each build, the news feeds' sizes, items and items with full
# content, and the validators' verdict on every feed.
# Usage: Tests/Benchmark/feeds.sh SITE [GENERATE]   (SITE: a site folder such as /tmp/corpus10k/ours)
set -euo pipefail
site=$(cd "$1" && pwd)
generate=${2:-.build/release/generate}
themes=$(pwd)/themes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

variant() {  # name, extra site.yml lines
    mkdir -p "$work/$1"
    ln -s "$site/content" "$work/$1/content"
    [ -d "$site/static" ] && ln -s "$site/static" "$work/$1/static"
    { cat "$site/site.yml"; printf '%b' "$2"; } > "$work/$1/site.yml"
    echo "== $1"
    /usr/bin/time -f "build: %e s wall, %U s user, %S s sys" \
        "$generate" --site "$work/$1" --themes "$themes" --output "$work/$1-out" --now 2026-12-01T00:00:00Z --quiet
    python3 - "$work/$1-out/news" <<'PY'
import json, os, re, sys
for name in ("feed.xml", "atom.xml", "feed.json"):
    path = os.path.join(sys.argv[1], name)
    data = open(path, "rb").read()
    if name.endswith(".json"):
        items = json.loads(data)["items"]
        count, full = len(items), sum("content_html" in i for i in items)
    else:
        text = data.decode()
        count = len(re.findall(r"<item>|<entry>", text))
        full = len(re.findall(r'<content:encoded>|<content type="html">', text))
    print(f"news/{name}: {len(data)} bytes, {count} items, {full} with full content")
PY
    python3 Tests/Validation/check_feeds.py "$work/$1-out" | tail -1
}

variant default ''
variant capped 'feed:\n  items: 1000\n'
variant uncapped 'feed:\n  items: 1000\n  max_bytes: 100000000\n'
