#!/usr/bin/env bash
# Side-by-side benchmark against Hugo on the shared deterministic corpus (not part of the tests).
#
#   Tests/Benchmark/run.sh [N]        default N=10000; needs: apt-get install hugo time
#
# 1. ../shared/bench/run.sh: clean builds of Hugo and ours in alternating rounds, medians,
#    peak RSS (/usr/bin/time -v), no-op rebuild time and files rewritten, ratios to Hugo.
# 2. The file-system floor: our output from step 1 written again by Tests/Benchmark/fs_floor.py
#    the way generate writes it, with nothing rendered, wiped before each round: in a folder of
#    its own, new for the run, with its share of Hugo's clean build; then in the very folder
#    step 1 built ours in, alternating with our clean build there round by round (on ext4
#    without a journal a folder removed and rebuilt keeps landing where its last copy was, so
#    only a floor written there, under the same removals, is the floor under those builds).
# 3. Then our incremental cases on the same corpus: no-op rebuild, and a rebuild after
#    editing one item (median of BENCH_RUNS), with the files written.
# 4. The cron job's case: one new item at a time ($runs rounds, Tests/Benchmark/new_item.sh),
#    with the files each rewrites.
# Knobs: BENCH_RUNS (3), BENCH_PAIRED_RUNS (5: step 2's rounds in the harness's folder), plus those of
# ../shared/bench/run.sh.
set -euo pipefail
N=${1:-10000}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=$(cd "$repo/../shared/bench" && pwd)
runs=${BENCH_RUNS:-3}

command -v hugo >/dev/null || { echo "needs hugo: apt-get install hugo" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 2; }
(cd "$repo" && swift build -c release --product generate >/dev/null)

wrapper=$(mktemp -d)/generate-bench
cat > "$wrapper" <<WRAP
#!/usr/bin/env bash
exec "$repo/.build/release/generate" --themes "$repo/themes" --quiet "\$@"
WRAP
chmod +x "$wrapper"

BENCH_GENERATORS=hugo BENCH_RUNS=$runs "$shared/run.sh" "$N" "$wrapper"

echo
work=${BENCH_WORK_DIR:-/tmp/bench-work}/n$N
echo "== file-system floor: our last output written again without rendering ($runs rounds each) =="
median_of() { awk '/^median/ {print $3}'; }
floor_new=$(python3 "$here/fs_floor.py" mirror "$work/ours" "$runs" | tee /dev/stderr | median_of)
results=$(ls -td "${BENCH_RESULTS_DIR:-/tmp/bench-results}"/n"$N"-* | head -1)
read -r -a ours_command < <(python3 -c 'import json, sys; print(next(r["cmd"] for r in json.load(open(sys.argv[1]))["rows"] if r["generator"] == "ours"))' "$results/results.json")
python3 "$here/fs_floor.py" paired "$work/ours" "${BENCH_PAIRED_RUNS:-5}" "${ours_command[@]}"
python3 - "$results/results.json" "$floor_new" <<'PY'
import json, sys
rows = {row["generator"]: row for row in json.load(open(sys.argv[1]))["rows"]}
hugo, ours, floor = rows["hugo"]["clean_wall_median_s"], rows["ours"]["clean_wall_median_s"], float(sys.argv[2])
print(f"ours {ours:.2f} s = {ours / hugo:.2f} x Hugo's clean build ({hugo:.2f} s)")
print(f"floor in a new folder: {floor:.2f} s = {floor / hugo:.2f} x Hugo; ours = {ours / floor:.2f} x this floor")
PY

echo
echo "== ours, incremental ($runs runs each) =="
corpus=$(mktemp -d)
python3 "$shared/corpus.py" "$N" "$corpus" --targets ours >/dev/null
out=$(mktemp -d)/out
"$wrapper" --site "$corpus/ours" --output "$out"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
noop=$(for i in $(seq "$runs"); do /usr/bin/time -f "%e" "$wrapper" --site "$corpus/ours" --output "$out" 2>&1 >/dev/null | tail -1; done | median)
echo "no-op rebuild: ${noop} s (median of $runs)"
"$repo/.build/release/generate" --themes "$repo/themes" --site "$corpus/ours" --output "$out" | sed 's/^/  /'
edited=""
for i in $(seq "$runs"); do
  item=$(ls "$corpus/ours/content/news" | sed -n "$((i * 7))p")
  sed -i "0,/^The /s//The edited $i /" "$corpus/ours/content/news/$item"
  edited="$edited $(/usr/bin/time -f "%e" "$wrapper" --site "$corpus/ours" --output "$out" 2>&1 >/dev/null | tail -1)"
done
echo "edit one item, rebuild: $(echo $edited | tr ' ' '\n' | median) s (median of $runs)"
item=$(ls "$corpus/ours/content/news" | sed -n "99p")
sed -i "0,/^The /s//The edited again /" "$corpus/ours/content/news/$item"
"$repo/.build/release/generate" --themes "$repo/themes" --site "$corpus/ours" --output "$out" | sed 's/^/  /'

echo
echo "== ours, one new item at a time ($runs rounds) =="
"$here/new_item.sh" "$repo/.build/release/generate" "$corpus/ours" "$runs"
rm -rf "$corpus" "$(dirname "$out")"
