#!/usr/bin/env python3
"""The author's edit loop in `generate serve`: from the moment an edited file is written to the
moment the reload message reaches a page waiting on /__newsroom/wait.

    Tests/Benchmark/edit_loop.py BIN SITE [EDITS]

BIN is a release build of generate, SITE a site folder (e.g. /tmp/corpus10k/ours from
../shared/bench/corpus.py). The site and this repository's themes are copied to a temporary
folder; serve builds it once, then EDITS item bodies (20 by default, items picked with a fixed
seed) are edited one after another, each timed, then one edit of the theme's stylesheet and two
of its item layout: the first with no page open (the whole rebuild is the time), the second with
an item page open (its wait names it, as a browser's does), which serve puts in place first; then
the time until another item page is served (serve holds it back until it is written again) is
the whole rebuild's. Prints every time, then p50/p95/max of the item edits (and how many builds
were set off apart from the timed ones), and serve's own lines for the last rebuilds with their
time per stage.
"""
import os, random, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.parse

def get(port, target, timeout=60):
    """GETs `target`; returns (body, arrival time)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    arrived = time.monotonic()
    s.close()
    body = data.split(b"\r\n\r\n", 1)[-1].decode()
    return body, arrived

def wait_for_build(port, known, page=None, timeout=60):
    """Asks /__newsroom/wait for the build after `known`, as the page at `page` (a URL path)
    when given; returns (status JSON, arrival time)."""
    return get(port, f"/__newsroom/wait?build={known}" + (f"&page={urllib.parse.quote(page, safe='')}" if page else ""), timeout)

def build_number(body):
    return int(re.search(r'"build":(\d+)', body).group(1))

extra_builds = 0

def timed_edit(port, known, path, transform, page=None):
    """Starts waiting for the next build, writes the edited file, returns seconds from the write
    to the reload. A build that arrives before the write (set off by an earlier edit, e.g. by its
    truncation and its write seen apart) is counted in `extra_builds` and waited past, so that it
    is never taken for this edit's."""
    global extra_builds
    with open(path, encoding="utf-8") as f:
        text = transform(f.read())
    # The last rebuild's line comes once its state is saved: the edit starts when serve is idle.
    for _ in range(600):
        with open(timed_edit.log) as f:
            if len(f.read().strip().splitlines()) >= known:
                break
        time.sleep(0.01)
    while True:
        result = {}
        def waiter():
            result["body"], result["arrived"] = wait_for_build(port, known, page)
        thread = threading.Thread(target=waiter)
        thread.start()
        time.sleep(0.3)  # the request is at the server and waiting
        if thread.is_alive():
            break
        thread.join()
        extra_builds += 1
        known = build_number(result["body"])
    started = time.monotonic()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    thread.join()
    if '"error":null' not in result["body"]:
        sys.exit(f"the rebuild failed: {result['body']}")
    timed_edit.started = started
    return result["arrived"] - started, build_number(result["body"])

def item_pages(output):
    """The URL paths of the item pages in `output`, sorted."""
    pages = []
    for root, _, names in os.walk(f"{output}/news"):
        relative = os.path.relpath(root, output)
        if "index.html" in names and re.fullmatch(r"news/\d{4}/\d{2}/[^/]+", relative) and not relative.endswith("/page"):
            pages.append("/" + relative + "/")
    return sorted(pages)

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, site = os.path.abspath(sys.argv[1]), sys.argv[2]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    work = tempfile.mkdtemp(prefix="newsroom-edit-loop.")
    server = None
    try:
        shutil.copytree(site, f"{work}/site")
        shutil.copytree(f"{repository}/themes", f"{work}/themes")
        started = time.monotonic()
        server = subprocess.Popen(
            [binary, "serve", "--site", f"{work}/site", "--themes", f"{work}/themes", "--output", f"{work}/out", "--port", "0", "--verbose"],
            stdout=subprocess.PIPE, stderr=open(f"{work}/serve.log", "w"), text=True)
        line = server.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            sys.exit(f"serve did not start: {line!r}; see {work}/serve.log")
        port = int(match.group(1))
        timed_edit.log = f"{work}/serve.log"
        body, _ = wait_for_build(port, -1)
        known = build_number(body)
        print(f"first build and start: {time.monotonic() - started:.2f} s")

        news = f"{work}/site/content/news"
        items = sorted(os.path.join(root, name) for root, _, names in os.walk(news) for name in names
                       if name.endswith(".md"))
        picked = random.Random(20).sample(items, edits)
        times = []
        for number, path in enumerate(picked, 1):
            seconds, known = timed_edit(port, known, path, lambda t: t + f"\nEdited in round {number}.\n")
            times.append(seconds)
            print(f"item edit {number:2}: {seconds * 1000:7.1f} ms  {os.path.relpath(path, news)}")
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        print(f"item edits: n={len(times)} extra builds {extra_builds} p50 {statistics.median(times) * 1000:.1f} ms  p95 {p95 * 1000:.1f} ms  max {times[-1] * 1000:.1f} ms")

        css = f"{work}/themes/default/assets/site.css"
        if os.path.exists(css):
            seconds, known = timed_edit(port, known, css, lambda t: t + "\n/* edited */\n")
            print(f"theme stylesheet edit: {seconds * 1000:.1f} ms")
        layout = f"{work}/themes/default/layouts/item.mustache"
        if os.path.exists(layout):
            seconds, known = timed_edit(port, known, layout, lambda t: t + "\n")
            print(f"theme item layout edit: {seconds * 1000:.1f} ms (no page open)")
            pages = item_pages(f"{work}/out")
            open_page, other_page = pages[len(pages) // 3], pages[2 * len(pages) // 3]
            seconds, known = timed_edit(port, known, layout, lambda t: t + "<!-- edited -->\n", page=open_page)
            body, arrived = get(port, other_page)
            if "<!-- edited -->" not in body:
                sys.exit(f"{other_page} was served before it had the new layout")
            print(f"theme item layout edit: {seconds * 1000:.1f} ms with {open_page} open; "
                  f"{(arrived - timed_edit.started) * 1000:.1f} ms until {other_page} is served with it")
        # serve prints a rebuild's line once its state is saved, after the pages were served.
        for _ in range(100):
            with open(f"{work}/serve.log") as f:
                if f.read().count("changed item.mustache") >= 2:
                    break
            time.sleep(0.05)
    finally:
        if server:
            server.terminate()
            server.wait()
        with open(f"{work}/serve.log") as f:
            log = f.read().strip().splitlines()
        print("serve's last lines (time per stage):", *log[-5:], sep="\n  ")
        shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
