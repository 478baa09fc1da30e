#!/usr/bin/env bash
# Image pipeline benchmark (not part of the tests): the 10,000-item corpus with one synthetic
# 2,000-px phone JPEG (EXIF GPS and owner, see Tests/CImageFixtures) as every item's hero.
#
#   Tests/Benchmark/images.sh [N] [CORPUS]     default N=10000, CORPUS=/tmp/corpus10k/ours
#   PHOTOS_ONLY=1 Tests/Benchmark/images.sh N  makes the photos only (kept for later runs)
#   PHOTO_WIDTH=4000 PHOTO_HEIGHT=3000 Tests/Benchmark/images.sh 10   phone-sized photos instead
#
# Prints: the photos' total size; the first build (empty output, empty image cache); a no-op
# rebuild; a rebuild after one item's text is edited; a clean build after `rm -rf output` with
# the cache kept; the images encoded by each (from --verbose); the published photo bytes.
# Timings: wall, CPU (user+sys) and peak RSS from /usr/bin/time.
set -euo pipefail
N=${1:-10000}
corpus=${2:-/tmp/corpus10k/ours}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
W=${PHOTO_WIDTH:-2000} H=${PHOTO_HEIGHT:-1333}
work=${BENCH_WORK_DIR:-/tmp/bench-images}/n$N
[ "$W" = 2000 ] && [ "$H" = 1333 ] || work="$work-${W}x$H"

(cd "$repo" && swift build -c release --product generate >/dev/null)
cc -O2 -I "$repo/Tests/CImageFixtures/include" "$here/make_photos.c" "$repo/Tests/CImageFixtures/image_fixtures.c" -ljpeg -lexif -lm -o "$work.make_photos" 2>/dev/null \
  || { mkdir -p "$(dirname "$work")"; cc -O2 -I "$repo/Tests/CImageFixtures/include" "$here/make_photos.c" "$repo/Tests/CImageFixtures/image_fixtures.c" -ljpeg -lexif -lm -o "$work.make_photos"; }

# The photos take minutes to make: they are kept in $work.photos between runs and linked in.
photos="$work.photos"
mkdir -p "$photos"
rm -rf "$work" && mkdir -p "$work/site/static"
cp -r "$corpus/site.yml" "$corpus/content" "$work/site/"
[ -d "$corpus/static" ] && cp -r "$corpus/static/." "$work/site/static/"
# The first N items (sorted by name) keep their place; the rest are removed.
python3 - "$work/site/content/news" "$N" <<'PY'
import os, re, sys
folder, n = sys.argv[1], int(sys.argv[2])
names = sorted(os.listdir(folder))
for name in names[n:]:
    os.remove(os.path.join(folder, name))
for number, name in enumerate(names[:n]):
    path = os.path.join(folder, name)
    text = open(path, encoding="utf-8").read()
    text, count = re.subn(r'(\nimage:\n  src: )"?[^"\n]*"?', r'\1"/photos/%d.jpg"' % number, text, count=1)
    if count == 0:
        text = text.replace("\n---\n", '\nimage:\n  src: "/photos/%d.jpg"\n  alt: "A synthetic landscape"\n---\n' % number, 1)
    open(path, "w", encoding="utf-8").write(text)
PY
if [ "$(find "$photos" -name '*.jpg' | wc -l)" -ne "$N" ] || [ ! -f "$photos/.complete" ]; then
  echo "making $N photos (${W}×$H, EXIF GPS and owner) …"
  rm -f "$photos"/*.jpg
  half=$((N / 2))
  "$work.make_photos" "$photos" 0 "$half" "$W" "$H" 1 88 &
  "$work.make_photos" "$photos" "$half" $((N - half)) "$W" "$H" 1 88
  wait
  touch "$photos/.complete"
fi
[ "${PHOTOS_ONLY:-0}" = 1 ] && exit 0
cp -al "$photos" "$work/site/static/photos"
rm -f "$work/site/static/photos/.complete"
echo "photos: $(du -sb "$work/site/static/photos" | cut -f1) bytes"

run() {
  local label=$1
  /usr/bin/time -f "%e %U %S %M" -o "$work.time" "$repo/.build/release/generate" --site "$work/site" --themes "$repo/themes" \
    --output "$work/output" --now 2026-11-29T12:00:00Z --verbose 2>/dev/null | grep -E "images encoded|^generate:" | sed "s/^/  /"
  read -r wall user sys peak < "$work.time"
  printf "%s: %.1f s wall, %.1f s CPU, %d MB peak\n" "$label" "$wall" "$(echo "$user + $sys" | bc)" $((peak / 1024))
}
rm -rf "$work/.newsroom-cache"
run "first build (empty cache)"
run "no-op rebuild"
# One item's text edited: pages render again, every photo's sizes come from the cache's index.
edited=$(find "$work/site/content/news" -name '*.md' | sort | sed -n 1p)
printf '\nOne more sentence.\n' >> "$edited"
run "one item's text edited"
rm -rf "$work/output"
run "clean build, cache kept"
echo "published photo files: $(find "$work/output/photos" -type f | wc -l), $(du -sb "$work/output/photos" | cut -f1) bytes; cache: $(du -sb "$work/.newsroom-cache" | cut -f1) bytes"
