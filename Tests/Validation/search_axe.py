#!/usr/bin/env python3
"""Runs axe-core over built pages in headless Chromium (file://), once with the search
results open, and prints every violation; exit 1 on a serious or critical one.

    python3 Tests/Validation/search_axe.py AXE_MIN_JS OUTPUT [PAGE ...]

AXE_MIN_JS is axe-core's axe.min.js (MPL-2.0; `make axe` takes it from a PyPI wheel that
bundles it, it is not kept in the repository). PAGE defaults to the home page and one item.
"""
import html
import json
import os
import re
import subprocess
import sys

RUNNER = """
window.addEventListener("load", function () {
  function finish(label, results) {
    var pre = document.createElement("pre");
    pre.id = "axe-" + label;
    pre.hidden = true;
    var count = document.getElementById("search-count");
    pre.textContent = JSON.stringify({ shown: count ? count.textContent : "", violations: results.violations.map(function (v) {
      return { id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(" "); }) };
    }) });
    document.body.appendChild(pre);
  }
  axe.run(document).then(function (closed) {
    finish("closed", closed);
    var input = document.getElementById("search-query");
    if (!input) return;
    input.focus();
    input.value = "justice";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    setTimeout(function () {
      axe.run(document).then(function (open) { finish("open", open); });
    }, 1500);
  });
});
"""


def run(axe, output, page):
    path = os.path.join(output, page)
    source = open(path, encoding="utf-8").read()
    driven = os.path.join(os.path.dirname(path), "axe-driver.html")
    with open(driven, "w", encoding="utf-8") as handle:
        handle.write(source.replace("<head>", "<head><script>" + open(axe, encoding="utf-8").read() + "</script><script>" + RUNNER + "</script>", 1))
    try:
        dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=20000", "--dump-dom", "file://" + os.path.abspath(driven)],
                             capture_output=True, text=True, timeout=300).stdout
    finally:
        os.remove(driven)
    found = {}
    for label in ("closed", "open"):
        match = re.search(r'<pre id="axe-%s"[^>]*>(.*?)</pre>' % label, dom, re.S)
        found[label] = json.loads(html.unescape(match.group(1))) if match else None
    return found


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    axe, output = sys.argv[1], sys.argv[2]
    pages = sys.argv[3:] or ["index.html", "news/2025/11/evenement-bucarest-survivantes/index.html"]
    serious = 0
    for page in pages:
        found = run(axe, output, page)
        for label, report in found.items():
            violations = report["violations"] if report else None
            if violations is None:
                print(f"{page} ({label}): axe did not finish")
                serious += 1
                continue
            print(f"{page} (search {label}{': ' + report['shown'] if report['shown'] else ''}): {len(violations)} violation(s)")
            for violation in violations:
                print(f"  {violation['impact']}: {violation['id']}: {violation['help']} at {violation['nodes'][:3]}")
                if violation["impact"] in ("serious", "critical"):
                    serious += 1
    sys.exit(1 if serious else 0)


if __name__ == "__main__":
    main()
