/* The site's own search: results appear under the header's search box as the reader types.
   A classic script with no fetch, module or WebAssembly, so it works from file:// as from a
   server. The index is a script too (search/index.js, written by the build): it pushes its
   data onto the global queue `newsroomSearch`, which this script drains, so either may load
   first. The text functions (fold, stem, words, terms) are the build's, rule for rule; the
   vectors in Tests/Shared/search-vectors.json hold both to the same answers. */
(function (global) {
  "use strict";

  /* --- Text: folding, words, stemming (the same rules as SearchFolding, SearchTokenizer and
     SearchStemmer in Swift) --- */

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss").replace(/ς/g, "σ");
  }

  var ELISIONS = { l: 1, d: 1, qu: 1, j: 1, n: 1, s: 1, t: 1, c: 1, m: 1 };
  var STOP_WORDS = {};
  ("an and are as at be by for from has have in is it its of on or that the this to was were " +
   "will with au aux ce ces dans de des du en est et il la le les leur ne ou par pas pour qui " +
   "que sa se son sont sur un une").split(" ").forEach(function (word) { STOP_WORDS[word] = 1; });

  /* The folded words of a text, elided articles dropped. */
  function words(text) {
    var folded = fold(text);
    var pattern = /[\p{L}\p{N}]+/gu;
    var found = [];
    var match;
    while ((match = pattern.exec(folded)) !== null) {
      var next = folded.charAt(pattern.lastIndex);
      if ((next === "'" || next === "\u2019") && ELISIONS[match[0]] === 1) continue;
      found.push(match[0]);
    }
    return found;
  }

  function length(word) {
    var count = 0;
    for (var index = 0; index < word.length; index++) {
      var code = word.charCodeAt(index);
      if (code < 0xDC00 || code > 0xDFFF) count++;
    }
    return count;
  }

  function stem(word) {
    var n = length(word);
    if (n <= 3) return word;
    function ends(suffix) { return word.slice(-suffix.length) === suffix; }
    function replace(count, ending) {
      word = word.slice(0, word.length - count) + ending;
      n = n - count + ending.length;
    }
    if (ends("ies") && n >= 5) replace(3, "y");
    else if (ends("aux") && n >= 5) replace(3, "al");
    else if (ends("sses")) replace(2, "");
    else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) replace(1, "");
    if (ends("ing") && n >= 7) replace(3, "");
    else if (ends("ied") && n >= 5) replace(3, "y");
    else if (ends("ed") && n >= 6) replace(2, "");
    if (ends("ee") && n >= 5) replace(2, "");
    else if (ends("e") && n >= 4) replace(1, "");
    return word;
  }

  /* A folded word's term, or null for a word the index does not keep. */
  function term(word) {
    if (length(word) <= 1 || STOP_WORDS[word] === 1) return null;
    return stem(word);
  }

  function terms(text) {
    return words(text).map(term).filter(function (found) { return found !== null; });
  }

  /* Endings the stemmer cuts: a word still being typed ("traffickin") is matched to the stem
     of the word it is becoming ("traffick") when what follows the stem can start one of them. */
  var ENDINGS = ["ing", "ied", "ies", "ed", "es", "ee", "e", "s"];

  var text = { fold: fold, words: words, stem: stem, term: term, terms: terms };
  global.newsroomSearchText = text;

  /* --- The index: parts as they arrive --- */

  var parts = [];
  var waiting = 0;
  var listeners = [];

  var VERSION = 2;

  /* A part as its script pushed it: three long strings (see SearchScript.swift), which a browser
     reads far faster than arrays of thousands of literals. They are split when the part is
     first searched, or in a task of their own right after the part arrives, not on load. */
  function Part(data) {
    this.name = data.part;
    this.count = data.count;
    this.data = data;
    this.terms = null;
    this.decodedDocs = [];
  }

  /* Document `number` as [url, title, day, date, summary, tags joined by a tab], split from
     the documents' string only when a result shows it. */
  Part.prototype.doc = function (number) {
    this.prepare();
    var found = this.decodedDocs[number];
    if (!found) {
      found = this.data.docs.substring(this.recordStarts[number], this.recordStarts[number + 1] - 1).split("\u001f");
      this.decodedDocs[number] = found;
    }
    return found;
  };

  /* Every document, for pages other than the theme's, such as a benchmark. */
  Object.defineProperty(Part.prototype, "docs", {
    get: function () {
      var all = [];
      for (var number = 0; number < this.count; number++) all.push(this.doc(number));
      return all;
    }
  });

  /* The term list for binary search, where each term's postings and each document's record
     start in their strings, and each document's day as a number (20240502) for sorting newer
     first: one pass of indexOf over each string, nothing split but the terms. */
  Part.prototype.prepare = function () {
    if (this.terms !== null) return;
    var terms = this.data.terms === "" ? [] : this.data.terms.split(" ");
    var postings = this.data.postings;
    var starts = new Int32Array(terms.length + 1);
    var at = 0;
    for (var number = 1; number < terms.length; number++) {
      at = postings.indexOf(";", at) + 1;
      starts[number] = at;
    }
    starts[terms.length] = postings.length + 1;
    var docs = this.data.docs;
    var records = new Int32Array(this.count + 1);
    var days = new Int32Array(this.count);
    var record = 0;
    for (var doc = 0; doc < this.count; doc++) {
      records[doc] = record;
      var day = docs.indexOf("\u001f", docs.indexOf("\u001f", record) + 1) + 1;
      days[doc] = parseInt(docs.substring(day, docs.indexOf("\u001f", day)).replace(/-/g, ""), 10) || 0;
      record = docs.indexOf("\u001e", day) + 1;
    }
    records[this.count] = docs.length + 1;
    this.postings = postings;
    this.starts = starts;
    this.recordStarts = records;
    this.days = days;
    this.decoded = new Map();
    this.terms = terms;
  };

  /* The documents holding term number `index`, as numbers `document * 2 + flag` (flag 1: in
     the title or a tag). */
  Part.prototype.list = function (index) {
    var list = this.decoded.get(index);
    if (list) return list;
    /* Differences as SearchScript.appendDifference writes them: upper-case letters are base-26
       digits with more to come, the last digit is base 36 ("a"–"z", "0"–"9"). Read by
       character code: several times faster than splitting on the long lists a prefix reaches. */
    var encoded = this.postings;
    var end = this.starts[index + 1] - 1;
    var values = [];
    var value = 0;
    var delta = 0;
    for (var at = this.starts[index]; at < end; at++) {
      var code = encoded.charCodeAt(at);
      if (code >= 65 && code <= 90) {
        delta = delta * 26 + code - 65;
      } else {
        value += delta * 36 + (code >= 97 ? code - 97 : code - 22);
        values.push(value);
        delta = 0;
      }
    }
    list = Int32Array.from(values);
    this.decoded.set(index, list);
    return list;
  };

  /* The first term number at or after `prefix` in the sorted list. */
  Part.prototype.lowerBound = function (prefix) {
    var low = 0;
    var high = this.terms.length;
    while (low < high) {
      var middle = (low + high) >>> 1;
      if (this.terms[middle] < prefix) low = middle + 1; else high = middle;
    }
    return low;
  };

  Part.prototype.find = function (word) {
    var index = this.lowerBound(word);
    return index < this.terms.length && this.terms[index] === word ? index : -1;
  };

  /* Each document matching one query word gets its best score in `best` (a title or tag
     match counts ten times a body match, and the word's own stem twice a longer word it
     begins); the documents it scored are listed in `touched`. Typed arrays, not maps: a
     short prefix can reach most documents of a part. */
  Part.prototype.match = function (word, typing, best, touched) {
    var self = this;
    function add(index, exact) {
      var list = self.list(index);
      var factor = exact ? 2 : 1;
      for (var at = 0; at < list.length; at++) {
        var doc = list[at] >> 1;
        var score = ((list[at] & 1) ? 10 : 1) * factor;
        if (best[doc] === 0) touched.push(doc);
        if (score > best[doc]) best[doc] = score;
      }
    }
    var wanted = term(word);
    if (wanted !== null) {
      var exact = this.find(wanted);
      if (exact >= 0) add(exact, true);
    }
    if (!typing) return;
    var prefixes = wanted !== null && wanted !== word ? [wanted, word] : [word];
    var seen = {};
    prefixes.forEach(function (prefix) {
      for (var index = self.lowerBound(prefix); index < self.terms.length && self.terms[index].lastIndexOf(prefix, 0) === 0; index++) {
        if (seen[index] || self.terms[index] === wanted) continue;
        seen[index] = true;
        add(index, false);
      }
    });
    for (var cut = 1; cut <= 3 && length(word) - cut >= 4; cut++) {
      var rest = word.slice(-cut);
      if (!ENDINGS.some(function (ending) { return ending.lastIndexOf(rest, 0) === 0; })) continue;
      var shorter = this.find(word.slice(0, -cut));
      if (shorter >= 0 && !seen[shorter] && this.terms[shorter] !== wanted) {
        seen[shorter] = true;
        add(shorter, false);
      }
    }
  };

  /* The documents of this part matching every word, with their summed scores. */
  Part.prototype.search = function (wanted, results) {
    this.prepare();
    var count = this.count;
    var total = new Float64Array(count);
    var matched = new Uint8Array(count);
    var best = new Float64Array(count);
    var candidates = null;
    for (var at = 0; at < wanted.length; at++) {
      var touched = [];
      this.match(wanted[at].word, wanted[at].typing, best, touched);
      var next = [];
      for (var index = 0; index < touched.length; index++) {
        var doc = touched[index];
        if (matched[doc] === at) {
          total[doc] += best[doc];
          matched[doc] = at + 1;
          next.push(doc);
        }
        best[doc] = 0;
      }
      candidates = next;
      if (candidates.length === 0) return;
    }
    for (var found = 0; found < candidates.length; found++) {
      var number = candidates[found];
      results.push(new Result(total[number], this, number));
    }
  };

  /* A match: its score, its part and its number there; `doc` is read only for results shown. */
  function Result(score, part, order) {
    this.score = score;
    this.part = part;
    this.order = order;
    this.day = part.days[order];
  }
  Object.defineProperty(Result.prototype, "doc", {
    get: function () { return this.part.doc(this.order); }
  });

  function receive(data) {
    if (!data || data.v !== VERSION) return;
    if (data.parts) {
      data.parts.forEach(function (part) { load(part[1]); });
    } else {
      var part = new Part(data);
      parts.push(part);
      if (typeof setTimeout === "function") setTimeout(function () { part.prepare(); }, 0);
      parts.sort(function (a, b) { return a.name < b.name ? 1 : a.name > b.name ? -1 : 0; });
    }
    listeners.forEach(function (listener) { listener(); });
  }

  var root = null;
  var requested = false;

  function load(file) {
    waiting++;
    var script = document.createElement("script");
    script.src = root + file;
    script.async = true;
    script.onload = script.onerror = function () {
      waiting--;
      listeners.forEach(function (listener) { listener(); });
    };
    document.head.appendChild(script);
  }

  function requestIndex() {
    if (requested) return;
    requested = true;
    load("search/index.js");
  }

  var queue = global.newsroomSearch;
  global.newsroomSearch = { push: receive };
  if (queue && queue.length) queue.forEach(receive);

  /* Every document matching all words of `query`, best first, newer first on ties. */
  function search(query) {
    var found = words(query);
    var typing = found.length > 0 && !/[\s'\u2019.,;:!?]$/.test(query);
    var wanted = [];
    found.forEach(function (word, index) {
      var last = typing && index === found.length - 1;
      if (term(word) !== null || (last && length(word) >= 2)) wanted.push({ word: word, typing: last });
    });
    var results = [];
    if (wanted.length === 0) return { words: 0, results: results };
    if (wanted.length > 255) wanted.length = 255;
    parts.forEach(function (part) { part.search(wanted, results); });
    results.sort(function (a, b) {
      return b.score - a.score || b.day - a.day || a.order - b.order;
    });
    return { words: wanted.length, results: results };
  }

  text.search = search;
  text.parts = parts;
  /* Loads the index from the site root `prefix` (relative to the page) and calls `done` once
     every part is in: for pages other than the theme's, such as a benchmark. */
  text.load = function (prefix, done) {
    root = prefix;
    if (done) {
      var called = false;
      listeners.push(function () {
        if (!called && waiting === 0 && parts.length > 0) {
          called = true;
          done();
        }
      });
    }
    requestIndex();
  };

  /* --- The page: the header's form --- */

  if (typeof document === "undefined") return;
  var form = document.querySelector("form[data-search-assets]");
  if (!form) return;
  var input = form.querySelector("input[type=search]");
  var panel = document.getElementById("search-results");
  var count = document.getElementById("search-count");
  var list = document.getElementById("search-list");
  if (!input || !panel || !count || !list) return;
  root = form.getAttribute("data-search-assets").replace(/assets\/$/, "");
  var SHOWN = 20;

  input.setAttribute("aria-controls", "search-results");
  input.setAttribute("aria-describedby", "search-count");

  function show() {
    var query = input.value;
    if (query.trim() === "") {
      panel.hidden = true;
      count.textContent = "";
      list.textContent = "";
      return;
    }
    panel.hidden = false;
    var started = global.performance ? performance.now() : 0;
    var outcome = search(query);
    if (global.performance) text.lastQueryMilliseconds = performance.now() - started;
    list.textContent = "";
    var results = outcome.results;
    if (parts.length === 0 || (waiting > 0 && results.length === 0)) {
      count.textContent = "Loading the search index…";
      return;
    }
    if (outcome.words === 0) {
      count.textContent = "Type a longer word to search.";
      return;
    }
    if (results.length === 0) {
      count.textContent = "No results for “" + query.trim() + "”.";
      return;
    }
    count.textContent = (results.length === 1 ? "1 result" : results.length + " results") +
      " for “" + query.trim() + "”" + (results.length > SHOWN ? ", the first " + SHOWN + " shown." : ".");
    results.slice(0, SHOWN).forEach(function (result) {
      var doc = result.doc;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + doc[0];
      link.textContent = doc[1];
      var heading = document.createElement("p");
      heading.className = "search-title";
      heading.appendChild(link);
      var when = document.createElement("time");
      when.dateTime = doc[2];
      when.textContent = doc[3];
      var meta = document.createElement("p");
      meta.className = "search-meta";
      meta.appendChild(when);
      if (doc[5]) meta.appendChild(document.createTextNode(" · " + doc[5].split("\t").join(", ")));
      item.appendChild(heading);
      item.appendChild(meta);
      if (doc[4]) {
        var summary = document.createElement("p");
        summary.className = "search-summary";
        summary.textContent = doc[4];
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
  }

  listeners.push(function () { if (input.value.trim() !== "") show(); });

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  input.addEventListener("focus", requestIndex);
  input.addEventListener("input", function () { requestIndex(); show(); });
  form.addEventListener("submit", function (event) {
    /* Enter opens the first result. The query never goes to the external engine while the
       script runs (that is the form's way without JavaScript only). */
    event.preventDefault();
    requestIndex();
    show();
    var first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !form.contains(event.relatedTarget)) panel.hidden = true;
  });
  form.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && (at >= 0)) {
      event.preventDefault();
      if (at === 0) input.focus(); else all[at - 1].focus();
    } else if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      panel.hidden = true;
      input.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!form.contains(event.target)) panel.hidden = true;
  });
  if (input.value.trim() !== "") { requestIndex(); show(); }
})(typeof self !== "undefined" ? self : this);
