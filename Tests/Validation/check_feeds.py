#!/usr/bin/env python3
"""Reads every RSS feed and sitemap of an output folder with independent parsers.

feedparser (the parser most feed readers descend from) must read each feed without a
"bozo" flag; every sitemap must be well-formed protocol-0.9 XML with absolute URLs.
Prints one line per file and a closing "N passed, N failed" line; exits 1 on any failure.
"""
import glob, os, sys, xml.etree.ElementTree as ET

import feedparser

root = sys.argv[1] if len(sys.argv) > 1 else "output"
passed = failed = 0

for path in sorted(glob.glob(os.path.join(root, "**", "feed.xml"), recursive=True)):
    feed = feedparser.parse(path)
    problems = []
    if feed.bozo:
        problems.append(f"not well-formed: {feed.bozo_exception}")
    if feed.version != "rss20":
        problems.append(f"version {feed.version!r}, expected rss20")
    links = [e.get("link", "") for e in feed.entries]
    if len(set(links)) != len(links):
        problems.append("duplicate item links")
    if any(not l.startswith("http") for l in links):
        problems.append("relative item link")
    dates = [e.get("published_parsed") for e in feed.entries]
    if any(d is None for d in dates):
        problems.append("item without a parseable pubDate")
    elif dates != sorted(dates, reverse=True):
        problems.append("items not newest first")
    self_links = [l for l in feed.feed.get("links", []) if l.get("rel") == "self"]
    if not self_links:
        problems.append("no atom:link rel=self")
    status = "ok" if not problems else "FAIL " + "; ".join(problems)
    print(f"{path}: {len(feed.entries)} items: {status}")
    passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)

ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
for path in sorted(glob.glob(os.path.join(root, "sitemap*.xml"))):
    problems = []
    try:
        tree = ET.parse(path).getroot()
        if tree.tag not in (ns + "urlset", ns + "sitemapindex"):
            problems.append(f"root is {tree.tag}")
        locs = [e.text for e in tree.iter(ns + "loc")]
        if any(not (l or "").startswith("http") for l in locs):
            problems.append("relative loc")
        if len(set(locs)) != len(locs):
            problems.append("duplicate loc")
        if len(locs) > 50000:
            problems.append("more than 50,000 URLs")
    except ET.ParseError as error:
        problems.append(f"not well-formed: {error}")
        locs = []
    status = "ok" if not problems else "FAIL " + "; ".join(problems)
    print(f"{path}: {len(locs)} URLs: {status}")
    passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
