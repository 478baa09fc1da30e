#!/usr/bin/env bash
# What the search index adds to a clean build: one binary builds SITE as it is (`search:
# local`, the default) and a copy of SITE with `search: external` (no index), in alternating
# rounds, each timed with /usr/bin/time. Prints every round and the median user CPU, wall time
# and peak RSS of each, and the median of the per-round differences in user CPU.
#
#   Tests/Benchmark/search_cost.sh BIN SITE [ROUNDS]
#
# SITE is a site folder (e.g. a corpus made by ../shared/bench/corpus.py N DIR --targets ours,
# then DIR/ours); the themes are this repository's.
set -euo pipefail
bin=$1 site=$2 rounds=${3:-5}
themes="$(cd "$(dirname "$0")/../.." && pwd)/themes"
work=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-search-cost.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "$site" "$work/external"
if grep -q '^search:' "$work/external/site.yml"; then
  sed -i 's/^search:.*/search: external/' "$work/external/site.yml"
else
  printf '\nsearch: external\n' >> "$work/external/site.yml"
fi
for round in $(seq "$rounds"); do
  for label in local external; do
    source=$site
    [ $label = external ] && source=$work/external
    rm -rf "$work/out"
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$bin" --site "$source" --themes "$themes" --output "$work/out" --quiet
    read -r wall user sys rss < "$work/t"
    echo "$round $label $wall $user $sys $rss" | tee -a "$work/times"
  done
done
python3 - "$work/times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
def column(label, index):
    return [float(row[index]) for row in rows if row[1] == label]
for label in ("local", "external"):
    print(f"{label:8} median: {statistics.median(column(label, 3)):.2f} s user, "
          f"{statistics.median(column(label, 2)):.2f} s wall, {statistics.median(column(label, 5)) / 1024:.0f} MB peak RSS")
added = [local - external for local, external in zip(column("local", 3), column("external", 3))]
print(f"index adds (median of rounds): {statistics.median(added):.2f} s user "
      f"(rounds: {', '.join(f'{value:.2f}' for value in added)})")
PY
