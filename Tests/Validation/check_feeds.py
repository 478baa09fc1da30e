#!/usr/bin/env python3
"""Reads every feed and sitemap of an output folder with independent parsers.

feedparser (the parser most feed readers descend from) must read each RSS feed (feed.xml)
and Atom feed (atom.xml) without a "bozo" flag; Atom feeds must also follow the rules of
RFC 4287 (atom_rules.py); each JSON Feed (feed.json) must validate against the JSON Schema
written from the JSON Feed 1.1 specification (jsonfeed-1.1.schema.json, with the jsonschema
package). In every format, entry ids are unique and every URL in entry content is absolute.
Every sitemap must be well-formed protocol-0.9 XML with absolute URLs.
Prints one line per file and a closing "N passed, N failed" line; exits 1 on any failure.

    check_feeds.py OUTPUT        check a whole output folder
    check_feeds.py --ids FEED    print the entry ids feedparser reads from one RSS or Atom file
"""
import glob, json, os, re, sys, xml.etree.ElementTree as ET

import feedparser
import jsonschema

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atom_rules  # noqa: E402

if len(sys.argv) == 3 and sys.argv[1] == "--ids":
    for entry in feedparser.parse(sys.argv[2]).entries:
        print(entry.get("id", ""))
    sys.exit(0)

root = sys.argv[1] if len(sys.argv) > 1 else "output"
passed = failed = 0
URL_ATTRIBUTE = re.compile(r"""\b(href|src|srcset|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def relative_urls(html):
    """The URLs in HTML content that are not absolute (a scheme or a mailto:/tel: link)."""
    found = []
    for match in URL_ATTRIBUTE.finditer(html or ""):
        value = match.group(2) or match.group(3) or match.group(4) or ""
        urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] if match.group(1).lower() == "srcset" else [value]
        found += [url for url in urls if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url)]
    return found


def common_checks(ids, contents, problems):
    if len(set(ids)) != len(ids):
        problems.append("duplicate entry ids")
    if any(not i for i in ids):
        problems.append("entry without an id")
    relative = [url for html in contents for url in relative_urls(html)]
    if relative:
        problems.append(f"relative URLs in content: {relative[:3]}")


def report(path, count, problems):
    global passed, failed
    status = "ok" if not problems else "FAIL " + "; ".join(problems)
    print(f"{path}: {count} items: {status}")
    passed, failed = (passed + 1, failed) if not problems else (passed, failed + 1)


def xml_feeds(name):
    return sorted(glob.glob(os.path.join(root, "**", name), recursive=True))


for path in xml_feeds("atom.xml"):
    feed = feedparser.parse(path)
    problems = list(atom_rules.problems(path))
    if feed.bozo:
        problems.append(f"feedparser: not well-formed: {feed.bozo_exception}")
    if feed.version != "atom10":
        problems.append(f"feedparser: version {feed.version!r}, expected atom10")
    common_checks([e.get("id", "") for e in feed.entries], [c.value for e in feed.entries for c in e.get("content", [])], problems)
    report(path, len(feed.entries), problems)

schema = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "jsonfeed-1.1.schema.json")))
validator = jsonschema.Draft202012Validator(schema)
for path in xml_feeds("feed.json"):
    problems = []
    try:
        document = json.load(open(path, encoding="utf-8"))
    except ValueError as error:
        report(path, 0, [f"not JSON: {error}"])
        continue
    problems += [f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
    items = document.get("items", []) if isinstance(document, dict) else []
    common_checks([i.get("id", "") for i in items], [i.get("content_html", "") for i in items], problems)
    report(path, len(items), problems)

for path in xml_feeds("feed.xml"):
    feed = feedparser.parse(path)
    problems = []
    if feed.bozo:
        problems.append(f"not well-formed: {feed.bozo_exception}")
    if feed.version != "rss20":
        problems.append(f"version {feed.version!r}, expected rss20")
    common_checks([e.get("id", "") for e in feed.entries], [c.value for e in feed.entries for c in e.get("content", [])], problems)
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
    report(path, len(feed.entries), problems)

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
