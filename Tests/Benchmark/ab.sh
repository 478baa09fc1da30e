#!/usr/bin/env bash
# Two builds of generate side by side on one site, in alternating rounds: a clean build (the
# output folder removed first) and a no-op rebuild, each timed with /usr/bin/time. Prints the
# median wall and CPU (user+sys) seconds per binary, and checks that both outputs are identical
# (records aside). For a refactoring that must change no output and cost no time.
#
#   Tests/Benchmark/ab.sh BEFORE_BIN AFTER_BIN SITE [ROUNDS]
#
# SITE is a site folder (e.g. a corpus made by ../shared/bench/corpus.py N DIR --targets ours,
# then DIR/ours); the themes are this repository's.
set -euo pipefail
before=$1 after=$2 site=$3 rounds=${4:-5}
themes="$(cd "$(dirname "$0")/../.." && pwd)/themes"
work=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-ab.XXXXXX")
trap 'rm -rf "$work"' EXIT
run() { # label bin kind
  local out="$work/out-$1"
  [ "$3" = clean ] && rm -rf "$out"
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$2" --site "$site" --themes "$themes" --output "$out" --now 2026-11-29T12:00:00Z --quiet
  awk -v l="$1" -v k="$3" '{ printf "%s %s %.3f %.3f\n", l, k, $1, $2 + $3 }' "$work/t" >> "$work/times"
}
for _ in $(seq "$rounds"); do
  for kind in clean noop; do run before "$before" $kind; run after "$after" $kind; done
done
python3 - "$work/times" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
for kind in ("clean", "noop"):
    for label in ("before", "after"):
        wall = [float(r[2]) for r in rows if r[0] == label and r[1] == kind]
        cpu = [float(r[3]) for r in rows if r[0] == label and r[1] == kind]
        print(f"{kind:5} {label:6} wall {statistics.median(wall):6.2f} s  cpu {statistics.median(cpu):6.2f} s  (n={len(wall)})")
PY
if diff -r -q -x '.newsroom-*' "$work/out-before" "$work/out-after" > "$work/diff"; then
  echo "outputs identical (records aside): $(find "$work/out-after" -type f | wc -l) files"
else
  echo "outputs DIFFER:"; head -20 "$work/diff"; exit 1
fi
