"""The rules of RFC 4287 (The Atom Syndication Format) a feed document can be checked against
without fetching anything, each reported with the section it comes from.

problems(path) returns a list of strings; an empty list means the document follows them.
"""
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time, as section 3.3 requires (upper-case T and Z, seconds required).
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
TEXT_TYPES = {"text", "html", "xhtml"}


def _is_iri(text):
    parts = urlsplit(text or "")
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme in ("tag", "urn", "mailto"))


def _count(element, name):
    return len(element.findall(ATOM + name))


def _text_construct(element, where, problems):
    kind = element.get("type", "text")
    if kind not in TEXT_TYPES:
        problems.append(f"{where}: type '{kind}' is not text, html or xhtml (3.1.1)")


def _person(element, where, problems):
    if _count(element, "name") != 1:
        problems.append(f"{where}: a person construct needs exactly one atom:name (3.2.1)")
    for uri in element.findall(ATOM + "uri"):
        if not _is_iri(uri.text):
            problems.append(f"{where}: atom:uri '{uri.text}' is not an IRI (3.2.2)")


def _date(element, where, problems):
    if not DATE_TIME.match((element.text or "").strip()):
        problems.append(f"{where}: '{element.text}' is not an RFC 3339 date-time (3.3)")


def _links(element, where, problems):
    alternates = set()
    for link in element.findall(ATOM + "link"):
        if not link.get("href"):
            problems.append(f"{where}: atom:link without href (4.2.7.1)")
        rel = link.get("rel", "alternate")
        if rel == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            if key in alternates:
                problems.append(f"{where}: two rel=alternate links with type {key[0]} and hreflang {key[1]} (4.1.1, 4.1.2)")
            alternates.add(key)
        if rel == "enclosure" and not link.get("length"):
            problems.append(f"{where}: rel=enclosure link without length (4.2.7.2 says it SHOULD have one)")
        length = link.get("length")
        if length is not None and not length.isdigit():
            problems.append(f"{where}: link length '{length}' is not a number of octets (4.2.7.6)")
    return alternates


def _common(element, where, problems, single, at_most_one):
    for name in single:
        if _count(element, name) != 1:
            problems.append(f"{where}: needs exactly one atom:{name}, has {_count(element, name)}")
    for name in at_most_one:
        if _count(element, name) > 1:
            problems.append(f"{where}: more than one atom:{name}")
    for ident in element.findall(ATOM + "id"):
        if not _is_iri((ident.text or "").strip()):
            problems.append(f"{where}: atom:id '{ident.text}' is not an absolute IRI (4.2.6)")
    for name in ("title", "subtitle", "summary", "rights"):
        for text in element.findall(ATOM + name):
            _text_construct(text, f"{where} atom:{name}", problems)
    for name in ("updated", "published"):
        for date in element.findall(ATOM + name):
            _date(date, f"{where} atom:{name}", problems)
    for name in ("author", "contributor"):
        for person in element.findall(ATOM + name):
            _person(person, f"{where} atom:{name}", problems)
    for category in element.findall(ATOM + "category"):
        if not category.get("term"):
            problems.append(f"{where}: atom:category without term (4.2.2.1)")


def problems(path):
    found = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if root.tag != ATOM + "feed":
        return [f"root element is {root.tag}, not atom:feed (4.1.1)"]
    _common(root, "feed", found, single=("id", "title", "updated"),
            at_most_one=("generator", "icon", "logo", "rights", "subtitle"))
    _links(root, "feed", found)
    if not any(link.get("rel") == "self" for link in root.findall(ATOM + "link")):
        found.append("feed: no rel=self link (4.1.1 says it SHOULD have one)")
    feed_has_author = _count(root, "author") > 0
    seen = {}
    for number, entry in enumerate(root.findall(ATOM + "entry"), 1):
        where = f"entry {number}"
        _common(entry, where, found, single=("id", "title", "updated"),
                at_most_one=("content", "published", "rights", "source", "summary"))
        alternates = _links(entry, where, found)
        if not feed_has_author and _count(entry, "author") == 0:
            found.append(f"{where}: no atom:author here or on the feed (4.1.1, 4.1.2)")
        content = entry.find(ATOM + "content")
        if content is None and not alternates:
            found.append(f"{where}: no atom:content and no rel=alternate link (4.1.2)")
        if content is not None:
            kind = content.get("type", "text")
            if kind not in TEXT_TYPES and "/" not in kind:
                found.append(f"{where}: content type '{kind}' is neither text/html/xhtml nor a media type (4.1.3.1)")
            if content.get("src") is not None and entry.find(ATOM + "summary") is None:
                found.append(f"{where}: content with src needs an atom:summary (4.1.1.2)")
        ident = (entry.findtext(ATOM + "id") or "").strip()
        updated = (entry.findtext(ATOM + "updated") or "").strip()
        if (ident, updated) in seen:
            found.append(f"{where}: same atom:id and atom:updated as entry {seen[(ident, updated)]} (4.1.1)")
        seen[(ident, updated)] = number
    return found
