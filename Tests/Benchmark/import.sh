#!/usr/bin/env bash
# Times `generate import jekyll` of a generated Jekyll site of N posts (default 1000), then a
# clean build of the imported site (not part of the tests).
#
#   Tests/Benchmark/import.sh [N]
set -euo pipefail
N=${1:-1000}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "${SKIP_BUILD:-}" ] || (cd "$repo" && swift build -c release --product generate >/dev/null)
python3 "$here/import_corpus.py" "$work/jekyll" "$N"
cd "$work"
for round in 1 2 3; do
    rm -rf site
    /usr/bin/time -f "import round $round: %e s wall, %U s user, %S s sys, %M KB peak" \
        "$repo/.build/release/generate" import jekyll jekyll --site site > report.txt
done
head -8 report.txt
mkdir -p themes && cp -r "$repo/themes/default" themes/
/usr/bin/time -f "build of the imported site: %e s wall" "$repo/.build/release/generate" --quiet --now 2026-11-29T12:00:00Z
