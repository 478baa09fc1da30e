#!/usr/bin/env bash
# How the cost grows with the site (#20's third target): a clean build of a small and a large
# corpus, then ROUNDS no-op rebuilds of the large one, each timed with /usr/bin/time. Prints
# wall, CPU (user+sys) and peak RSS per build, the CPU per file written at each size and their
# ratio, and the median no-op.
#
#   Tests/Benchmark/scale.sh BIN [SMALL] [LARGE] [ROUNDS]     default 10000 100000 3
#
# The corpora come from ../shared/bench/corpus.py and are kept in /tmp/corpusNk between runs
# (CORPUS_ROOT to put them elsewhere); the outputs go to a temporary folder removed at the end.
set -euo pipefail
bin=$(realpath "$1") small=${2:-10000} large=${3:-100000} rounds=${4:-3}
here=$(cd "$(dirname "$0")" && pwd)
themes="$here/../../themes"
shared="$here/../../../shared/bench"
work=$(mktemp -d "${TMPDIR:-/tmp}/newsroom-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
corpus() { # N -> the site folder, made once
  local dir="${CORPUS_ROOT:-/tmp}/corpus$(( $1 / 1000 ))k"
  [ -d "$dir/ours" ] || python3 "$shared/corpus.py" "$1" "$dir" --targets ours >/dev/null
  echo "$dir/ours"
}
build() { # N label: prints the build's line and sets wall and cpu
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$bin" --site "$(corpus "$1")" --themes "$themes" \
    --output "$work/out-$1" --now 2026-11-29T12:00:00Z --quiet
  read -r wall user sys rss < "$work/t"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
  printf "%-6s %7d items: wall %7.2f s  cpu %7.2f s (user %.2f, sys %.2f)  peak %5d MB\n" "$2" "$1" "$wall" "$cpu" "$user" "$sys" $(( rss / 1024 ))
}
files() { find "$work/out-$1" -type f ! -name '.newsroom-*' | wc -l; }

build "$small" clean
small_cpu=$cpu small_user=$user small_files=$(files "$small")
rm -rf "$work/out-$small"
build "$large" clean
large_cpu=$cpu large_user=$user large_files=$(files "$large")
noops=()
for _ in $(seq "$rounds"); do
  build "$large" no-op
  noops+=("$wall")
done
python3 - "$small_cpu" "$small_user" "$small_files" "$large_cpu" "$large_user" "$large_files" "${noops[@]}" <<'PY'
import sys, statistics
small_cpu, small_user, small_files = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
large_cpu, large_user, large_files = float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
small_per, large_per = small_cpu / small_files * 1000, large_cpu / large_files * 1000
print(f"cpu per file written: {small_per:.3f} ms ({small_files} files), {large_per:.3f} ms ({large_files} files): {large_per / small_per:.2f}x")
# The kernel's share swings with the page cache and the disk's recent removals; user CPU does not.
small_user_per, large_user_per = small_user / small_files * 1000, large_user / large_files * 1000
print(f"user cpu per file: {small_user_per:.3f} ms, {large_user_per:.3f} ms: {large_user_per / small_user_per:.2f}x")
print(f"no-op at the large size: median {statistics.median(map(float, sys.argv[7:])):.2f} s wall")
PY
