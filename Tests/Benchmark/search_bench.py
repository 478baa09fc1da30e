#!/usr/bin/env python3
"""Measures a built site's search index in headless Chromium over file://.

    python3 Tests/Benchmark/search_bench.py OUTPUT [OUTPUT ...] [--rounds 5]

For each output folder: the index's size (raw and gzipped, per 1,000 items), the time from
asking for the index to every part being ready (median of the rounds, each a fresh browser),
the time of a first query ("ab", which pays for what search.js defers past loading), and the
time of each query a reader typing causes (every prefix of two or more letters of words taken
from the items' titles, and two-word queries): median, p95 and the slowest.
The page it writes (search-bench.html) is removed afterwards.
"""
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import html

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>search bench</title></head><body>
<pre id="bench"></pre>
<script src="assets/search.js"></script>
<script>
(function () {
  var text = self.newsroomSearchText;
  var started = performance.now();
  text.load("", function () {
    var loaded = performance.now() - started;
    var docs = [];
    /* The documents are read from the parts after the first query, whose time then includes
       everything search.js does once per part. */
    var probe = performance.now();
    text.search("ab");
    var firstQuery = performance.now() - probe;
    text.parts.forEach(function (part) { docs = docs.concat(part.docs); });
    var words = [];
    for (var at = 0; at < docs.length && words.length < 60; at += Math.max(1, Math.floor(docs.length / 60))) {
      var found = text.words(docs[at][1]).filter(function (word) { return word.length >= 4; });
      if (found.length) words.push(found[at % found.length]);
    }
    var queries = [];
    words.forEach(function (word, index) {
      for (var end = 2; end <= word.length; end++) queries.push(word.slice(0, end));
      if (index > 0) queries.push(words[index - 1] + " " + word);
    });
    var times = [];
    var results = 0;
    queries.forEach(function (query) {
      var begin = performance.now();
      results += text.search(query).results.length;
      times.push(performance.now() - begin);
    });
    document.getElementById("bench").textContent = JSON.stringify({
      items: docs.length, parts: text.parts.length, loadMs: loaded, firstQueryMs: firstQuery, queries: queries.length, results: results, times: times
    });
  });
})();
</script></body></html>
"""


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(output, rounds):
    files = [os.path.join(output, "search", name) for name in sorted(os.listdir(os.path.join(output, "search")))]
    raw = sum(os.path.getsize(name) for name in files)
    zipped = sum(len(gzip.compress(open(name, "rb").read(), 9)) for name in files)
    page = os.path.join(output, "search-bench.html")
    with open(page, "w") as handle:
        handle.write(PAGE)
    runs = []
    try:
        for _ in range(rounds):
            dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + os.path.abspath(page)],
                                 capture_output=True, text=True, timeout=300).stdout
            found = re.search(r'<pre id="bench">(.*?)</pre>', dom, re.S)
            if not found or not found.group(1):
                sys.exit("no measurement in the page for " + output)
            runs.append(json.loads(html.unescape(found.group(1))))
    finally:
        os.remove(page)
    items = runs[0]["items"]
    times = [time for run in runs for time in run["times"]]
    return {
        "output": output, "items": items, "parts": runs[0]["parts"], "files": len(files),
        "raw_bytes": raw, "gzip_bytes": zipped, "gzip_per_1000_items": round(zipped * 1000 / items),
        "load_ms_median": round(statistics.median(run["loadMs"] for run in runs), 1),
        "load_ms_runs": [round(run["loadMs"], 1) for run in runs],
        "first_query_ms_median": round(statistics.median(run.get("firstQueryMs", 0) for run in runs), 1),
        "queries": len(times), "query_ms_median": round(statistics.median(times), 3),
        "query_ms_p95": round(percentile(times, 0.95), 3), "query_ms_max": round(max(times), 3),
    }


def main():
    arguments = sys.argv[1:]
    rounds = 5
    if "--rounds" in arguments:
        at = arguments.index("--rounds")
        rounds = int(arguments[at + 1])
        del arguments[at:at + 2]
    if not arguments:
        sys.exit(__doc__)
    for output in arguments:
        print(json.dumps(measure(output, rounds)))


if __name__ == "__main__":
    main()
